-- Who an invoice was issued to, kept 10 years (French commercial code, L123-22) when the
-- buyer's data is erased: the order is anonymised, its buyer is kept here only, with
-- restricted access (no page shows it; an accountant reads it in the database).
create table invoice_buyer_archive (
    invoice_number  varchar(32) primary key references invoice (number),
    order_id        uuid        not null,
    buyer_email     text        not null,
    buyer_account   uuid,
    buyer_name      text,
    archived_at     timestamptz not null,
    keep_until      date        not null,
    erasure_ref     text        not null
);
