-- A refund Guichet owes is recorded with the change that causes it, then sent to the gateway (and retried)
-- until the gateway has taken it: a crash or a gateway outage between the two loses no refund.
alter table payments add column refund_status varchar(20) not null default 'NONE';
alter table payments add column refund_reference varchar(100);
alter table payments add column refund_attempts int not null default 0;
alter table payments add column refund_next_attempt_at timestamp with time zone;
create index payments_refund_due_idx on payments (refund_status, refund_next_attempt_at);
