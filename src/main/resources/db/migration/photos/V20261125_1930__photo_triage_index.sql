-- Triage lists an event's photos newest first, all statuses together.
create index photo_event_created on photo (event_id, created_at desc, id);
