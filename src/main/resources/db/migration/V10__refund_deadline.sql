-- Until when buyers may cancel a paid ticket for a refund; null: no refunds once bought.
alter table events add column refunds_until timestamp with time zone;
