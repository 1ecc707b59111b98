-- Prices of an event's photos; amounts in minor units (cents), never floating point.
create table price_list (
    event_id uuid primary key references event (id) on delete cascade,
    currency char(3) not null default 'EUR',
    single_price bigint not null check (single_price >= 0),
    all_photos_price bigint check (all_photos_price >= 0),
    web_price bigint check (web_price >= 0),
    runner_cap bigint check (runner_cap >= 0),
    free boolean not null default false,
    sponsor_frame boolean not null default false,
    organizer_share_percent int not null default 0 check (organizer_share_percent between 0 and 100),
    updated_at timestamptz not null
);

create table price_pack (
    event_id uuid not null references price_list (event_id) on delete cascade,
    photos int not null check (photos >= 2),
    price bigint not null check (price >= 0),
    primary key (event_id, photos)
);

create table shop_order (
    id uuid primary key,
    event_id uuid not null references event (id),
    email varchar(254) not null,
    language varchar(2) not null,
    account_id uuid references account (id) on delete set null,
    bib varchar(16),
    resolution varchar(8) not null,
    status varchar(24) not null,
    amount bigint not null,
    currency char(3) not null,
    refunded_amount bigint not null default 0,
    pricing text not null,
    provider varchar(8) not null,
    idempotency_key varchar(64) not null unique,
    payment_id varchar(255) unique,
    client_secret varchar(255),
    charge_id varchar(255),
    links_until timestamptz,
    created_at timestamptz not null,
    paid_at timestamptz,
    updated_at timestamptz not null
);
create index shop_order_event on shop_order (event_id, status);
create index shop_order_email on shop_order (lower(email));
create index shop_order_account on shop_order (account_id);

create table order_item (
    order_id uuid not null references shop_order (id) on delete cascade,
    photo_id uuid not null,
    position int not null,
    amount bigint not null,
    uploader_id uuid,
    primary key (order_id, photo_id)
);

-- Every provider event, once: its id is the key, so a duplicate delivery finds it here.
create table payment_event (
    id varchar(255) primary key,
    provider varchar(8) not null,
    type varchar(64),
    order_id uuid,
    status varchar(16) not null,
    error text,
    payload text not null,
    received_at timestamptz not null,
    handled_at timestamptz
);
create index payment_event_status on payment_event (status, received_at desc);

-- Who earns what from each paid order: the platform fee and each beneficiary's share.
create table sale_share (
    id uuid primary key,
    order_id uuid not null references shop_order (id),
    account_id uuid references account (id) on delete set null,
    role varchar(16) not null,
    gross bigint not null,
    fee bigint not null,
    amount bigint not null,
    currency char(3) not null,
    status varchar(16) not null,
    idempotency_key varchar(128) not null unique,
    transfer_id varchar(255),
    created_at timestamptz not null,
    paid_out_at timestamptz,
    unique (order_id, account_id, role)
);
create index sale_share_account on sale_share (account_id, created_at desc);
create index sale_share_due on sale_share (status) where status = 'DUE';

create table payout_account (
    account_id uuid primary key references account (id) on delete cascade,
    stripe_account_id varchar(255) not null unique,
    ready boolean not null default false,
    created_at timestamptz not null
);

create table refund (
    id uuid primary key,
    order_id uuid not null references shop_order (id),
    amount bigint not null check (amount > 0),
    idempotency_key varchar(128) not null unique,
    provider_refund_id varchar(255),
    admin_id uuid,
    created_at timestamptz not null
);

create table dispute (
    id varchar(255) primary key,
    order_id uuid references shop_order (id),
    amount bigint not null,
    currency char(3) not null,
    reason varchar(64),
    status varchar(64) not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table runner_cart (
    account_id uuid primary key references account (id) on delete cascade,
    items text not null,
    updated_at timestamptz not null
);

-- The key that signs download links, made once per installation.
create table shop_secret (
    id int primary key check (id = 1),
    secret bytea not null
);
