-- Invoices and credit notes share one numbering per year ("FR-2026-000123"), with no gap:
-- a number is taken from invoice_counter inside the transaction that marks the order paid
-- (or records its refund), and that row stays locked until the transaction ends, so a
-- rolled-back payment gives its number back and concurrent payments queue up. A
-- PostgreSQL sequence cannot do this: a value it hands out is never returned.
create table invoice_counter (
    series varchar(16) primary key,
    last_number bigint not null check (last_number > 0)
);

-- Amounts as printed, fixed when the document is issued: the price with VAT (a credit
-- note's is what it refunds, a positive amount), the rate then in force and the VAT the
-- amount includes.
create table invoice (
    number varchar(32) primary key,
    kind varchar(12) not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    order_id uuid not null references shop_order (id),
    corrects varchar(32) references invoice (number),
    issued_at timestamptz not null,
    amount bigint not null check (amount > 0),
    vat_rate_percent int not null check (vat_rate_percent between 0 and 100),
    vat_amount bigint not null,
    currency char(3) not null
);
create unique index invoice_one_per_order on invoice (order_id) where kind = 'INVOICE';
create index invoice_order on invoice (order_id, issued_at);

-- Orders paid before invoices existed are numbered in the order they were paid, at the
-- default 20 % rate.
insert into invoice (number, kind, order_id, issued_at, amount, vat_rate_percent, vat_amount, currency)
select 'FR-' || year || '-' || lpad(n::text, 6, '0'), 'INVOICE', id, paid_at, amount, 20,
       round(amount * 20 / 120.0), currency
from (select id, paid_at, amount, currency, to_char(paid_at at time zone 'Europe/Paris', 'YYYY') as year,
             row_number() over (partition by to_char(paid_at at time zone 'Europe/Paris', 'YYYY')
                                order by paid_at, id) as n
      from shop_order where paid_at is not null and amount > 0) as paid;

insert into invoice_counter (series, last_number)
select left(number, 7), max(substring(number from 9)::bigint) from invoice group by left(number, 7);
