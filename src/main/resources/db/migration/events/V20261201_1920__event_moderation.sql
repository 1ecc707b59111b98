-- An event hidden by the platform's admins, with the reason its organizer was told.
-- Null: not hidden by moderation.
alter table event add column moderation_reason text;
