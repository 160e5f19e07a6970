-- Each ticket holder gets their own ticket: the address of the person a ticket is for, when the buyer gave one.
alter table tickets add column attendee_email varchar(254);
