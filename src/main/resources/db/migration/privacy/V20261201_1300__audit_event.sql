-- The event an entry belongs to (a photo's, an order's, a start list's), so that an admin
-- reads one event's history; filters by account and action get their indexes too.
alter table audit_log add column event_id uuid;
update audit_log set event_id = target_id::uuid
    where lower(target_type) = 'event' and target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
create index audit_log_event on audit_log (event_id, at desc);
create index audit_log_actor on audit_log (actor_id, at desc);
create index audit_log_action on audit_log (action, at desc);
