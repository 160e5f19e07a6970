-- Calendar updates (issue 14): the SEQUENCE of an event's calendar file, one more at each change of its time,
-- place or online link (and at its cancellation), so calendar apps replace the entry they already have.
alter table events add column calendar_sequence integer default 0 not null;
