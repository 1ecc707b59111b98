create table event (
    id                  uuid primary key,
    owner_id            uuid        not null,
    name                text        not null,
    slug                text        not null unique,
    event_date          date        not null,
    location            text        not null,
    sport               text,
    description         text,
    visibility          text        not null default 'PUBLIC',
    face_search         boolean     not null default false,
    face_retention_days integer     not null default 30 check (face_retention_days between 1 and 365),
    watermark_text      text,
    primary_color       text,
    sponsor_text        text,
    archived            boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create index event_owner on event (owner_id);

-- Photographers the owner added: they may upload to the event and see its photos.
create table event_member (
    event_id   uuid        not null references event (id) on delete cascade,
    account_id uuid        not null,
    added_at   timestamptz not null default now(),
    primary key (event_id, account_id)
);

create index event_member_account on event_member (account_id);

create table start_list_entry (
    event_id   uuid        not null references event (id) on delete cascade,
    bib        text        not null,
    first_name text        not null default '',
    last_name  text        not null default '',
    email      text,
    category   text,
    club       text,
    gender     text,
    birth_year integer,
    updated_at timestamptz not null default now(),
    primary key (event_id, bib)
);

-- A file read and checked, waiting for its owner to look at the preview and apply it.
create table start_list_upload (
    id         uuid primary key,
    event_id   uuid        not null references event (id) on delete cascade,
    file_name  text        not null,
    content    bytea       not null,
    created_at timestamptz not null default now()
);
