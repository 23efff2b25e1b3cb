-- The in-app inbox (N5): one item per in-app command, keyed by the command's notification id, so a redelivered
-- command never makes a second item. Every read is scoped by practice AND user.
create table inbox_item (
    id              uuid        primary key,   -- the InAppNotificationRequested's notification id
    practice_id     uuid        not null,
    user_id         uuid        not null,
    source_kind     text        not null,
    source_id       uuid        not null,
    source_event_id text        not null,
    title           text        not null,
    body            text,
    fields          jsonb       not null default '[]',
    link_url        text,
    link_label      text,
    requested_at    timestamptz not null,
    created_at      timestamptz not null default now(),
    read_at         timestamptz
);
create index inbox_item_newest on inbox_item (practice_id, user_id, created_at desc, id desc);
create index inbox_item_unread on inbox_item (practice_id, user_id) where read_at is null;
