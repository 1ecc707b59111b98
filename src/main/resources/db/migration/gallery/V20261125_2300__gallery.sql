-- A runner account's bib at an event, given the first time they said "this is me" or "not me".
create table runner_claim (
    account_id uuid        not null,
    event_id   uuid        not null,
    bib        text        not null,
    created_at timestamptz not null,
    primary key (account_id, event_id)
);

-- "Hide me": the photo is hidden at once; the event's team keeps it hidden or restores it.
create table hide_request (
    id          uuid primary key,
    photo_id    uuid        not null,
    event_id    uuid        not null,
    account_id  uuid        not null,
    status      text        not null default 'PENDING',
    created_at  timestamptz not null,
    decided_at  timestamptz,
    decided_by  uuid
);
create index hide_request_event on hide_request (event_id, status, created_at);

-- "Notify me": an address waiting for a bib's photos (double opt-in, one e-mail per hour at most).
create table photo_alert (
    id              uuid primary key,
    event_id        uuid        not null,
    bib             text        not null,
    email           text        not null,
    token           text        not null unique,
    language        text        not null,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    pending_since   timestamptz,
    last_sent_at    timestamptz,
    unique (event_id, bib, email)
);
create index photo_alert_waiting on photo_alert (event_id, bib) where confirmed_at is not null and unsubscribed_at is null;

-- Favourites of signed-in accounts (guests keep theirs in the browser).
create table favourite (
    account_id uuid        not null,
    photo_id   uuid        not null,
    created_at timestamptz not null,
    primary key (account_id, photo_id)
);
