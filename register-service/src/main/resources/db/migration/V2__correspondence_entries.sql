-- Correspondence entries and what they were shared to (FEATURES.md R2, R3).
create table correspondence_entry (
    id                uuid primary key,
    practice_id       uuid        not null,
    client_id         uuid        not null references client (id),
    type              text        not null check (type in ('PHONE_MESSAGE', 'MEETING_NOTE', 'FILE_NOTE', 'EMAIL_IN', 'EMAIL_OUT')),
    author_user_id    uuid        not null,
    recipient_user_id uuid,
    subject           text        not null check (length(subject) between 1 and 200),
    body              text,
    occurred_at       timestamptz not null,
    caller_name       text,
    caller_phone      text,
    best_time_to_call text,
    -- [{"name": …, "url": …}]: links into the document store, never the documents.
    attachments       jsonb       not null default '[]',
    created_at        timestamptz not null default now(),
    deleted_at        timestamptz,
    deleted_by        uuid
);
create index correspondence_entry_practice_time on correspondence_entry (practice_id, occurred_at desc) where deleted_at is null;
create index correspondence_entry_client on correspondence_entry (client_id);
create index correspondence_entry_recipient on correspondence_entry (practice_id, recipient_user_id);

-- One row per share request: on create or later. The notifier decides channels; this is what was asked.
create table entry_share (
    id          uuid primary key,
    practice_id uuid        not null,
    entry_id    uuid        not null references correspondence_entry (id),
    shared_by   uuid        not null,
    shared_at   timestamptz not null,
    targets     jsonb       not null
);
create index entry_share_entry on entry_share (entry_id);
