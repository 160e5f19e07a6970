-- Ticket types become the only owner of prices. Every event already sells at least one type carrying its price;
-- one without any gets a Standard type from its old price and capacity first, so no price is lost.
insert into ticket_types (event_id, name, price, quantity, sold, max_per_order, closed, position, version)
select e.id, 'Standard', e.price, e.capacity, 0, 5, false, 0, 0
from events e
where not exists (select 1 from ticket_types t where t.event_id = e.id);

alter table events drop constraint events_price_ck;
alter table events drop column price;
