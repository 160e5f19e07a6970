-- An order can receive more than one payment (two checkout pages paid, a payment after the order closed): every
-- one is recorded, one is kept, the others are refunded in full with the reason why.
alter table payments drop constraint payments_order_uk;
alter table payments add constraint payments_transaction_uk unique (gateway, transaction_ref);
create index payments_order_idx on payments (order_id);
alter table payments add column checkout_session varchar(100);
alter table payments add column refund_reason varchar(30);
