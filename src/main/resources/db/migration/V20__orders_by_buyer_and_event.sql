-- A buyer's orders of one event (the per-person limit, the holds to resume), read on every registration: found
-- directly, however many orders the event or the buyer has.
create index orders_buyer_event_idx on orders (user_id, event_id, status);
