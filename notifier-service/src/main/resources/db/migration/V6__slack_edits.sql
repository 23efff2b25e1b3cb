-- Slack message edits (chat.update): an edit names the conversation and ts of the post it changes. For a DM that
-- conversation is the one the worker opened, known only from chat.postMessage's answer, so it is kept per delivery.
alter table delivery add column provider_channel_id text;
-- What a command is about (its source record) and, for an edit, the notification whose post it changes: the router
-- finds the Slack posts about an entry by these (an edit is not itself a post to edit again).
alter table delivery add column source_id uuid;
alter table delivery add column updates_notification_id uuid;
update delivery set source_id = (convert_from(command, 'UTF8')::jsonb -> 'source' ->> 'id')::uuid;
create index delivery_source on delivery (practice_id, source_id) where channel = 'SLACK';
