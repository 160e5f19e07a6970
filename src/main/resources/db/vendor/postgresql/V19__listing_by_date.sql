-- The public listing's first page without sorting every event: published public events in date order, read from
-- the index until a page is full (ends_at, the only other condition, is true of nearly all of them).
create index events_public_by_date_idx on events (starts_at, id)
    where status = 'PUBLISHED' and visibility = 'PUBLIC';
