-- Bodies (with their personal links) are emptied once the retention period is over; the
-- row stays for the record (who got which e-mail, when).
alter table outbox_mail add column body_purged_at timestamptz;

create index outbox_mail_unpurged on outbox_mail (created_at) where body_purged_at is null;
