-- The event's logo (PNG, used in the watermark) and cover (JPEG, for its public page).
create table event_image (
    event_id     uuid        not null references event (id) on delete cascade,
    kind         text        not null,
    content_type text        not null,
    content      bytea       not null,
    updated_at   timestamptz not null default now(),
    primary key (event_id, kind)
);
