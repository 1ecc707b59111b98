-- While the buyer's bank disputes the payment, the order's downloads stop and its shares
-- are not paid out.
alter table shop_order add column disputed_at timestamptz;
