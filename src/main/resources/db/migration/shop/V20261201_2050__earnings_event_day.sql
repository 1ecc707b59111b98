-- What each pro earned on each event, by closed day (before yesterday, Paris time), for the
-- pros' statistics: by role (PHOTOGRAPHER, ORGANIZER) and all roles together (ALL, where an
-- order with two shares of the same pro counts once). Kept and forgotten like shop_sales_day.
create table shop_earnings_event_day (
    event_id   uuid        not null,
    account_id uuid        not null,
    role       varchar(16) not null,
    day        date        not null,
    orders     bigint      not null,
    gross      bigint      not null,
    earned     bigint      not null,
    primary key (event_id, role, account_id, day)
);
create index shop_earnings_event_day_account on shop_earnings_event_day (account_id, role, day);
create index shop_earnings_event_day_day on shop_earnings_event_day (day);
create index shop_sales_day_event on shop_sales_day (event_id, day);

-- The days summed before this table existed are summed again, with it.
delete from shop_sales_day_done;
delete from shop_sales_day;
delete from shop_earnings_day;
