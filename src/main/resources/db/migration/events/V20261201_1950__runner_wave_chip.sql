-- A runner's start wave (shown on the coverage board) and timing chip (passings that carry chips).
alter table start_list_entry add column wave text, add column chip text;
create index start_list_entry_chip on start_list_entry (event_id, chip) where chip is not null;
