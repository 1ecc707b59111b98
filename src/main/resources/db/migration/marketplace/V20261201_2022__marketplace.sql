-- A photographer's public profile on the marketplace.
create table photographer_profile (
    account_id   uuid primary key,
    slug         text        not null unique,
    name         text        not null,
    region       text,
    travel_km    integer check (travel_km between 0 and 5000),
    sports       text,
    gear         text,
    languages    text,
    bio          text,
    seeking_work boolean     not null default false,
    updated_at   timestamptz not null
);

-- Up to 12 of the photographer's own published photos (their watermarked versions).
create table portfolio_photo (
    account_id uuid    not null references photographer_profile (account_id) on delete cascade,
    photo_id   uuid    not null,
    rank       integer not null,
    primary key (account_id, photo_id)
);

-- An organizer's need of photographers for one of their events.
create table listing (
    id            uuid primary key,
    event_id      uuid        not null unique,
    owner_id      uuid        not null,
    slug          text        not null unique,
    title         text        not null,
    description   text,
    region        text,
    sport         text,
    event_date    date        not null,
    fee           bigint check (fee > 0),
    currency      text        not null default 'EUR',
    share_percent integer check (share_percent between 1 and 100),
    apply_until   date        not null,
    status        text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_at    timestamptz not null,
    check (fee is not null or share_percent is not null)
);
create index listing_search on listing (status, event_date);

create table listing_position (
    id          uuid primary key,
    listing_id  uuid    not null references listing (id) on delete cascade,
    rank        integer not null,
    role        text    not null,
    spot        text,
    spot_km     numeric(6, 2),
    wanted      integer not null check (wanted between 1 and 50),
    work_date   date,
    starts_at   time,
    ends_at     time,
    experience  text,
    description text
);
create index listing_position_listing on listing_position (listing_id, rank);

-- A photographer's application to one position; one per event (withdrawn ones aside).
-- The terms and the spot are copied as accepted, so that a changed listing changes
-- nothing agreed.
create table application (
    id              uuid primary key,
    position_id     uuid        not null references listing_position (id) on delete cascade,
    listing_id      uuid        not null references listing (id) on delete cascade,
    event_id        uuid        not null,
    photographer_id uuid        not null,
    message         text        not null,
    portfolio_url   text,
    fee             bigint,
    currency        text        not null,
    share_percent   integer,
    spot            text,
    spot_km         numeric(6, 2),
    status          text        not null check (status in ('APPLIED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    withdraw_reason text,
    created_at      timestamptz not null,
    decided_at      timestamptz
);
create unique index application_one_per_event on application (event_id, photographer_id) where status <> 'WITHDRAWN';
create index application_position on application (position_id, status);
create index application_photographer on application (photographer_id, created_at desc);

-- Reviews between an organizer and a photographer they hired, after the event.
create table review (
    id             uuid primary key,
    application_id uuid        not null references application (id) on delete cascade,
    author_id      uuid        not null,
    subject_id     uuid        not null,
    author_side    text        not null check (author_side in ('ORGANIZER', 'PHOTOGRAPHER')),
    stars          integer     not null check (stars between 1 and 5),
    body           text        not null,
    event_date     date        not null,
    written_at     timestamptz not null,
    window_closes  timestamptz not null,
    hidden_reason  text,
    unique (application_id, author_id)
);
create index review_subject on review (subject_id, written_at desc);

create table review_report (
    id          uuid primary key,
    review_id   uuid        not null references review (id) on delete cascade,
    reporter_id uuid,
    reason      text        not null,
    created_at  timestamptz not null,
    resolved_at timestamptz,
    resolution  text
);
create index review_report_open on review_report (created_at) where resolved_at is null;
