-- Timing points of an event (name, distance on the course) and the chip passings at each.
create table timing_point (
    id          uuid primary key,
    event_id    uuid             not null,
    name        text             not null,
    distance_km double precision not null,
    created_at  timestamptz      not null default now(),
    constraint timing_point_name unique (event_id, name)
);

create table timing_passing (
    point_id  uuid        not null references timing_point (id) on delete cascade,
    event_id  uuid        not null,
    bib       text        not null,
    passed_at timestamptz not null,
    primary key (point_id, bib, passed_at)
);

create index timing_passing_event_bib on timing_passing (event_id, bib);

-- Where each photographer stood: a distance, optionally a time window (real time).
create table photographer_spot (
    id              uuid primary key,
    event_id        uuid             not null,
    photographer_id uuid             not null,
    distance_km     double precision not null,
    starts_at       timestamptz,
    ends_at         timestamptz,
    created_at      timestamptz      not null default now()
);

create index photographer_spot_event on photographer_spot (event_id, photographer_id);

-- Each camera's clock offset ('' = all the photographer's cameras): estimated, overridden.
create table clock_offset (
    event_id          uuid             not null,
    photographer_id   uuid             not null,
    camera_serial     text             not null default '',
    estimated_seconds double precision,
    drift_per_hour    double precision not null default 0,
    reference_at      timestamptz,
    anchors           integer          not null default 0,
    dropped           integer          not null default 0,
    override_seconds  double precision,
    estimated_at      timestamptz,
    primary key (event_id, photographer_id, camera_serial)
);

-- The anchors the last estimate rests on (shown to the pro).
create table clock_anchor (
    photo_id         uuid primary key,
    event_id         uuid             not null,
    photographer_id  uuid             not null,
    camera_serial    text             not null default '',
    bib              text             not null,
    taken_at         timestamptz      not null,
    passage_at       timestamptz      not null,
    residual_seconds double precision not null,
    outlier          boolean          not null
);

create index clock_anchor_camera on clock_anchor (event_id, photographer_id, camera_serial);
