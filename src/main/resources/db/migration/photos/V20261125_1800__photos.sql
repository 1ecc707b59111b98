create table photo (
    id           uuid primary key,
    event_id     uuid        not null,
    uploader_id  uuid        not null,
    file_name    text        not null,
    sha256       text        not null,
    size_bytes   bigint      not null,
    format       text        not null,
    width        integer     not null,
    height       integer     not null,
    status       text        not null,
    stage        text,
    failure      text,
    original_key text        not null,
    web_key      text,
    preview_key  text,
    sharpness    double precision,
    exposure     double precision,
    quality      double precision,
    taken_at     timestamptz,
    hidden       boolean     not null default false,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint photo_once_per_event unique (event_id, sha256)
);

create index photo_event_status on photo (event_id, status, created_at desc);

-- db-scheduler's table (PostgreSQL layout from its documentation).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
