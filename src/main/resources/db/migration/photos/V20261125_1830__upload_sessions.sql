-- A browser upload in progress: the bytes received so far are in a part file on the node's disk.
create table upload_session (
    id          uuid primary key,
    event_id    uuid        not null,
    account_id  uuid        not null,
    file_name   text        not null,
    size_bytes  bigint      not null,
    fingerprint text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create unique index upload_session_fingerprint on upload_session (account_id, event_id, fingerprint);
