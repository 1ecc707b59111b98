-- Consents as they were given: to what, by whom (an account, an address, or nobody known
-- for a single-use selfie search), the exact text shown and its language, how, when, and
-- when and how they were withdrawn.
create table consent (
    id            uuid primary key,
    purpose       text        not null,
    account_id    uuid,
    email         text,
    event_id      uuid,
    subject       text,
    text_shown    text        not null,
    text_sha256   text        not null,
    language      text        not null,
    how           text        not null,
    single_use    boolean     not null default false,
    given_at      timestamptz not null,
    withdrawn_at  timestamptz,
    withdrawn_how text
);

create index consent_account on consent (account_id) where account_id is not null;
create index consent_email on consent (lower(email)) where email is not null;
create index consent_open on consent (purpose, event_id, subject) where withdrawn_at is null;
