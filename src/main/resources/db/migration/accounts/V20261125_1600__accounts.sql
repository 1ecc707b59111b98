create table account (
    id              uuid primary key,
    email           text        not null unique,
    display_name    text        not null,
    password_hash   text        not null,
    role            text        not null,
    enabled         boolean     not null default true,
    email_verified  boolean     not null default false,
    locale          text        not null default 'fr',
    session_version integer     not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint account_email_lowercase check (email = lower(email))
);

create index account_search on account (lower(display_name));

-- Single-use links sent by e-mail: activation, password reset, e-mail change.
create table account_token (
    id          uuid primary key,
    account_id  uuid        not null references account (id) on delete cascade,
    purpose     text        not null,
    token_hash  text        not null unique,
    new_email   text,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);

create table api_token (
    id           uuid primary key,
    account_id   uuid        not null references account (id) on delete cascade,
    name         text        not null,
    kind         text        not null,
    token_hash   text        not null unique,
    prefix       text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_token_account on api_token (account_id);

-- Failed logins, per e-mail and per IP, kept in the database so every node sees them.
create table login_failure (
    throttle_key text        not null,
    failed_at    timestamptz not null
);

create index login_failure_key on login_failure (throttle_key, failed_at);
