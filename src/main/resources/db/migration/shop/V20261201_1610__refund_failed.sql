-- A refund Stripe refused: kept for the record, no longer counted as refunded or asked.
alter table refund add column failed_at timestamptz;
alter table refund add column failure text;
