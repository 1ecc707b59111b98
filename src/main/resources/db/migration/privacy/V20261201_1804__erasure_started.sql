-- An erasure runs part by part; one started and not finished (its node stopped) is
-- resumed by whichever node's sweep finds it.
alter table privacy_request add column erasure_started_at timestamptz;
create index privacy_request_erasing on privacy_request (erasure_started_at) where status = 'IN_PROGRESS';
