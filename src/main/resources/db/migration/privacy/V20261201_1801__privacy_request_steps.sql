-- What was done for a request, per part of the system: the operator's own notes for a
-- rectification, each step of an erasure (a step is recorded in the transaction that did
-- it, so that an erasure interrupted by a crash resumes at the next one).
create table privacy_request_step (
    request_id uuid        not null references privacy_request (id),
    position   integer     not null,
    part       text        not null,
    action     text        not null,
    rows       bigint      not null default 0,
    detail     text,
    done_at    timestamptz not null,
    primary key (request_id, position),
    unique (request_id, part, action)
);
