-- When each ticket last changed (created, confirmed, cancelled, refunded, renamed, checked in or undone), so a
-- scanning app's check-in list can ask for what changed since its last download.
alter table tickets add column changed_at timestamp with time zone;
update tickets set changed_at = coalesce(checked_in_at, created_at);
alter table tickets alter column changed_at set not null;
create index tickets_event_changed_idx on tickets (event_id, changed_at);
