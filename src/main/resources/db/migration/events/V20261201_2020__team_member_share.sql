-- A photographer hired through the marketplace joins the team on agreed terms: their
-- share of the net sales of their photos (null: the event's usual split) and a note
-- (their spot on the course).
alter table event_member add column share_percent integer check (share_percent between 0 and 100);
alter table event_member add column note text;
