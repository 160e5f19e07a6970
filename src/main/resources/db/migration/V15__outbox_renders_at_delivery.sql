-- The outbox keeps what to render (template, language, variables, attachment recipes) and renders it when it
-- delivers, outside the transaction that wrote it. The rendered mail is stored on its first attempt, so retries
-- and the dev mailbox show the same bytes. Messages written before this were rendered when they were written.
alter table outbox_messages add column template varchar(100);
alter table outbox_messages add column locale varchar(35);
alter table outbox_messages add column variables varchar(100000);
alter table outbox_messages add column subject_arguments varchar(10000);
alter table outbox_messages add column rendered_at timestamp with time zone;
update outbox_messages set rendered_at = created_at;
alter table outbox_messages alter column subject drop not null;
alter table outbox_messages alter column html_body drop not null;
alter table outbox_messages alter column text_body drop not null;
alter table outbox_messages add constraint outbox_messages_renderable_ck
    check (rendered_at is not null or (template is not null and locale is not null and variables is not null
        and subject_arguments is not null));

-- An attachment is either its bytes or a recipe: the kind of file and its parameters (JSON), rendered at delivery.
alter table outbox_attachments add column kind varchar(50);
alter table outbox_attachments add column parameters varchar(2000);
alter table outbox_attachments alter column content drop not null;
alter table outbox_attachments add constraint outbox_attachments_renderable_ck
    check (content is not null or (kind is not null and parameters is not null));
