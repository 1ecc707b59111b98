-- Personal-data requests (GDPR articles 15 to 21) and their register. The requester's
-- address is kept while the request is open; an erasure replaces it by its SHA-256
-- (email_hash), the only trace the register keeps of an erased person.
create table privacy_request (
    id                 uuid primary key,
    reference          text        not null unique,
    type               text        not null,
    status             text        not null,
    account_id         uuid,
    email              text,
    email_hash         text        not null,
    name               text,
    language           text        not null,
    identity_check     text        not null,
    details            text,
    photo_links        text,
    verify_token_hash  text unique,
    verify_expires_at  timestamptz,
    created_at         timestamptz not null,
    received_at        timestamptz,
    due_at             timestamptz,
    extension_months   integer     not null default 0 check (extension_months between 0 and 2),
    extension_reason   text,
    responded_at       timestamptz,
    response_format    text,
    refusal_reason     text,
    operator_id        uuid,
    operator_email     text,
    export_sha256      text,
    export_token_hash  text unique,
    export_expires_at  timestamptz,
    export_downloaded_at timestamptz
);

create index privacy_request_account on privacy_request (account_id, created_at desc);
create index privacy_request_open on privacy_request (status, due_at);
create index privacy_request_email_hash on privacy_request (email_hash);
