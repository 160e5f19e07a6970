-- How many tickets one person may hold for an event, over all their live orders (held ones included).
alter table events add column max_per_person int not null default 10;
alter table events add constraint events_max_per_person_ck check (max_per_person between 1 and 1000);
