-- The payment a gateway event speaks of, so a refund that arrives before its payment can be matched later.
alter table gateway_events add column transaction_ref varchar(100);
create index gateway_events_transaction_idx on gateway_events (transaction_ref, type);
