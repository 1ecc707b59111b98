-- Registration platforms an event's start list is read from (Njuko, RaceResult, RunSignup).
-- The API key and secret are only stored encrypted (AES-GCM, key from
-- focusracer.events.connectors.secret-key); key_hint keeps the key's last 4 characters to show.
create table start_list_connector (
    event_id         uuid primary key references event (id) on delete cascade,
    platform         text        not null,
    reference        text        not null,
    sub_reference    text,
    credentials      bytea       not null,
    key_hint         text,
    saved_at         timestamptz not null,
    next_sync_at     timestamptz,
    last_sync_at     timestamptz,
    last_sync_added   int,
    last_sync_changed int,
    last_sync_removed int,
    last_error       text
);
create index start_list_connector_due on start_list_connector (next_sync_at) where next_sync_at is not null;

-- Runners a scheduled re-sync no longer found but kept because photos are linked to them:
-- they go only when the organizer confirms.
create table start_list_pending_removal (
    event_id    uuid        not null references event (id) on delete cascade,
    bib         text        not null,
    detected_at timestamptz not null,
    primary key (event_id, bib)
);

-- How an event's export files map to our fields (bib, first_name, …) by header name, reused for the next file.
create table start_list_column_mapping (
    event_id uuid primary key references event (id) on delete cascade,
    mapping  text        not null,
    saved_at timestamptz not null
);
