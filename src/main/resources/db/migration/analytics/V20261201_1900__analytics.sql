-- Counts per day (Paris time), event and metric: nothing about who. One upsert per hit.
create table analytics_counter (
    day      date        not null,
    event_id uuid        not null,
    metric   varchar(32) not null,
    count    bigint      not null,
    primary key (day, event_id, metric)
);
create index analytics_counter_event on analytics_counter (event_id, day);

-- Photos counted once as published (a re-process publishes again), with the time they took
-- from upload to gallery; the histogram below answers p50 / p95 without reading this table.
create table analytics_published_photo (
    photo_id uuid primary key,
    event_id uuid not null
);

-- Upload-to-gallery times: bucket b holds the times t with floor(4 * log2(1 + t seconds)) = b.
create table analytics_gallery_time (
    day      date     not null,
    bucket   smallint not null,
    count    bigint   not null,
    primary key (day, bucket)
);
