-- A payout is recorded (and committed) before Stripe is asked for its transfer: its id is
-- the transfer's idempotency key and transfer_group, so that a payout left as an intent
-- by a crash is looked up at Stripe before it is ever tried again.
create table payout (
    id uuid primary key,
    share_id uuid not null unique references sale_share (id),
    account_id uuid references account (id) on delete set null,
    stripe_account_id varchar(255) not null,
    amount bigint not null check (amount >= 0),
    currency char(3) not null,
    status varchar(16) not null check (status in ('INTENT', 'DONE')),
    transfer_id varchar(255),
    attempts int not null default 0,
    last_error text,
    claimed_until timestamptz,
    created_at timestamptz not null,
    done_at timestamptz
);
create index payout_unsettled on payout (created_at) where status = 'INTENT';
create index payout_of_account on payout (account_id, currency);
