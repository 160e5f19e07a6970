-- Email ownership: an account proves its address by following a link before it may register, buy, organise or
-- accept an invitation. Accounts made before this migration count as verified: no production data exists yet
-- (only demo and test accounts), so nobody is asked to confirm an address after the fact.
alter table users add column email_verified_at timestamp with time zone;
update users set email_verified_at = created_at;
-- The clean-up of abandoned sign-ups looks for unverified accounts by age.
create index users_unverified_idx on users (email_verified_at, created_at);

-- Each invitation mail carries a personal single-use link (only its SHA-256 is kept); the signed-in, verified
-- account that follows it is bound to the invitation, whatever its own address. Invitations sent before have none.
alter table event_invitations add column token_hash varchar(64);
alter table event_invitations add column accepted_by bigint;
alter table event_invitations add column accepted_at timestamp with time zone;
alter table event_invitations add constraint event_invitations_token_uk unique (token_hash);
alter table event_invitations add constraint event_invitations_accepted_by_fk
    foreign key (accepted_by) references users (id) on delete set null;
create index event_invitations_accepted_by_idx on event_invitations (accepted_by);
