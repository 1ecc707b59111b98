-- Upload-to-gallery times to the second (no longer in logarithmic buckets): count of
-- photos first published on a day (Paris time) that took exactly that many seconds, so
-- that p50 / p95 read from it are those of the photos themselves.
create table analytics_gallery_second (
    day     date    not null,
    seconds integer not null,
    count   bigint  not null,
    primary key (day, seconds)
);

-- The buckets kept before, at their upper bound (the value they were shown as).
insert into analytics_gallery_second (day, seconds, count)
select day, greatest(0, ceil(power(2, (bucket + 1) / 4.0) - 1))::integer, sum(count)
from analytics_gallery_time group by 1, 2;

drop table analytics_gallery_time;
