create table outbox_mail (
    id              uuid primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null,
    attempts        integer     not null default 0,
    last_error      text,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz
);

create index outbox_mail_due on outbox_mail (status, next_attempt_at);
create index outbox_mail_created on outbox_mail (created_at desc);
