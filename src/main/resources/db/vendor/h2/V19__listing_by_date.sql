-- The public listing in date order (PostgreSQL keeps only published public events in this index; H2 has no partial
-- indexes).
create index events_public_by_date_idx on events (starts_at, id);
