-- When a photo first reached its event's gallery (a re-process keeps it): the time from
-- upload to gallery is published_at - created_at, exactly. Photos published before this
-- column existed take their last change, the best there is.
alter table photo add column published_at timestamptz;
update photo set published_at = updated_at where status = 'PUBLISHED';
