-- A fixed fee an organizer agreed to pay a photographer (hired through the marketplace):
-- owed until the organizer marks it paid (by hand: bank transfer, cheque...).
create table agreed_fee (
    id              uuid primary key,
    reference       text        not null unique,
    event_id        uuid        not null,
    organizer_id    uuid        not null,
    photographer_id uuid        not null,
    amount          bigint      not null check (amount > 0),
    currency        text        not null,
    status          text        not null default 'OWED' check (status in ('OWED', 'PAID', 'CANCELLED')),
    created_at      timestamptz not null,
    paid_at         timestamptz
);
create index agreed_fee_organizer on agreed_fee (organizer_id, created_at desc);
create index agreed_fee_photographer on agreed_fee (photographer_id, created_at desc);
