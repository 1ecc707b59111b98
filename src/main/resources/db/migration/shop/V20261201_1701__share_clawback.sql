-- A refund after a share was paid out (or while it is being paid) takes that part of the
-- share back: it is netted against the pro's next payouts.
create table share_clawback (
    id uuid primary key,
    share_id uuid not null references sale_share (id),
    account_id uuid references account (id) on delete set null,
    amount bigint not null check (amount > 0),
    currency char(3) not null,
    order_refunded bigint not null,
    created_at timestamptz not null,
    unique (share_id, order_refunded)
);
create index share_clawback_account on share_clawback (account_id, currency);

-- What a payout took off the share for the clawbacks owed; amount is what was transferred.
alter table payout add column netted bigint not null default 0 check (netted >= 0);
