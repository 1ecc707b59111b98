create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    uuid,
    actor_email text,
    action      text        not null,
    target_type text        not null,
    target_id   text,
    detail      text
);

create index audit_log_at on audit_log (at desc);
