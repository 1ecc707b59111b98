-- An agreed fee paid through Stripe Connect: PAYING from the moment its transfer is
-- recorded (fee_transfer, committed before Stripe is asked), PAID once Stripe answered.
alter table agreed_fee drop constraint agreed_fee_status_check;
alter table agreed_fee add constraint agreed_fee_status_check
    check (status in ('OWED', 'PAYING', 'PAID', 'CANCELLED'));
alter table agreed_fee add column paid_via text check (paid_via in ('HAND', 'STRIPE'));
alter table agreed_fee add column transfer_id text;

-- One transfer per fee (unique fee_id): a fee is never transferred twice.
create table fee_transfer (
    id                uuid primary key,
    fee_id            uuid        not null unique references agreed_fee (id),
    organizer_id      uuid        not null,
    stripe_account_id text        not null,
    amount            bigint      not null check (amount > 0),
    currency          text        not null,
    status            text        not null check (status in ('INTENT', 'DONE')),
    attempts          integer     not null default 1,
    claimed_until     timestamptz,
    last_error        text,
    transfer_id       text,
    created_at        timestamptz not null,
    done_at           timestamptz
);
create index fee_transfer_intent on fee_transfer (created_at) where status = 'INTENT';
