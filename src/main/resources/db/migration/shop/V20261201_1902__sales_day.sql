-- Sales by day and event for the dashboards, kept for closed days (before yesterday, Paris
-- time) and computed from shop_order on first use; a refund forgets its order's day.
create table shop_sales_day (
    day      date   not null,
    event_id uuid   not null,
    orders   bigint not null,
    gmv      bigint not null,
    fees     bigint not null,
    primary key (day, event_id)
);

-- The days already summed up (a day without sales has no row above).
create table shop_sales_day_done (
    day date primary key
);

-- What each pro earned on those days, by role (top photographers and organizers).
create table shop_earnings_day (
    day        date        not null,
    account_id uuid        not null,
    role       varchar(16) not null,
    orders     bigint      not null,
    gross      bigint      not null,
    earned     bigint      not null,
    primary key (day, account_id, role)
);
