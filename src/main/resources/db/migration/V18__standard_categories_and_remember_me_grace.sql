-- The standard categories every Guichet starts with, in English and in French. A database that the demo
-- seeding already filled keeps its rows: only a missing slug is added. Administrators add, rename or remove
-- categories afterwards on /admin/categories.
insert into categories (slug, name_en, name_fr)
    select 'conference', 'Conference', 'Conférence' where not exists (select 1 from categories where slug = 'conference');
insert into categories (slug, name_en, name_fr)
    select 'workshop', 'Workshop', 'Atelier' where not exists (select 1 from categories where slug = 'workshop');
insert into categories (slug, name_en, name_fr)
    select 'concert', 'Concert', 'Concert' where not exists (select 1 from categories where slug = 'concert');
insert into categories (slug, name_en, name_fr)
    select 'meetup', 'Meetup', 'Meetup' where not exists (select 1 from categories where slug = 'meetup');
insert into categories (slug, name_en, name_fr)
    select 'sport', 'Sport', 'Sport' where not exists (select 1 from categories where slug = 'sport');
insert into categories (slug, name_en, name_fr)
    select 'festival', 'Festival', 'Festival' where not exists (select 1 from categories where slug = 'festival');
insert into categories (slug, name_en, name_fr)
    select 'exhibition', 'Exhibition', 'Exposition' where not exists (select 1 from categories where slug = 'exhibition');
insert into categories (slug, name_en, name_fr)
    select 'networking', 'Networking', 'Networking' where not exists (select 1 from categories where slug = 'networking');

-- "Remember me": the token value a rotation just replaced stays valid for its series for a few seconds, so tabs
-- that a restarted browser opens together with the same cookie all get in; an older value is a stolen cookie.
alter table persistent_logins add column previous_token varchar(64);
alter table persistent_logins add column rotated_at timestamp with time zone;
