-- An e-mail still waiting to be sent when its recipient's data is erased (the notice that
-- the erasure is done) is deleted as soon as it was sent or given up.
alter table outbox_mail add column forget_after_send boolean not null default false;
