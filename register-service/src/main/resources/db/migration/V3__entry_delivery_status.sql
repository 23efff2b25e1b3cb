-- Per entry, one row per notification: how it fared (FEATURES.md R4, from notification.delivery.v1).
create table entry_delivery (
    notification_id     uuid primary key,
    practice_id         uuid        not null,
    entry_id            uuid        not null references correspondence_entry (id),
    channel             text,
    target              text        not null,
    outcome             text        not null check (outcome in ('QUEUED', 'DELIVERED', 'NOT_SENT', 'FAILED')),
    reason              text,
    reason_text         text,
    provider_message_id text,
    attempts            integer     not null,
    requested_at        timestamptz not null,
    completed_at        timestamptz,
    updated_at          timestamptz not null default now()
);
create index entry_delivery_entry on entry_delivery (entry_id);
