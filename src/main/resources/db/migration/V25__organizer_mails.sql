-- The organizer's daily summary: one row per organizer and day, written in the transaction that writes the
-- summary's mail, so a day is summed up once for each organizer however many instances run the job.
create table daily_summaries (
    organizer_id  bigint not null references users (id) on delete cascade,
    summary_day   date   not null,
    sent_at       timestamp with time zone not null,
    constraint daily_summaries_pk primary key (organizer_id, summary_day)
);

-- A day's activity is read by time: orders confirmed, payments received and refunds made that day.
create index orders_confirmed_at_idx on orders (confirmed_at);
create index payments_paid_at_idx on payments (paid_at);
create index payments_refunded_at_idx on payments (refunded_at);

-- What an audit entry says besides its action: for a message to attendees, its audience, recipients and subject.
alter table event_audit add column detail varchar(400);
