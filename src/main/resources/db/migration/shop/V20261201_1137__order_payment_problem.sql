-- A provider event that reports a payment other than the order's (amount or currency)
-- holds the order (status PAYMENT_PROBLEM) for an admin instead of fulfilling it; what
-- the provider said is kept with the order.
alter table shop_order add column problem_event varchar(255);
alter table shop_order add column problem_amount bigint;
alter table shop_order add column problem_currency varchar(16);
alter table shop_order add column problem_at timestamptz;
create index shop_order_problem on shop_order (problem_at desc) where problem_at is not null;
