-- Sales figures by day (the admin dashboard) read orders by their payment time.
create index shop_order_paid on shop_order (paid_at) where paid_at is not null;
create index refund_created on refund (created_at);
create index payout_done on payout (done_at) where status = 'DONE';
