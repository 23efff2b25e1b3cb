-- gmail-sync-service's own state (FEATURES.md G1–G6). Every row carries practice_id.

-- Projection of integration.connection.v1 for GMAIL: the practice switch (P4) and each user's connection.
create table practice_gmail (
    practice_id uuid primary key,
    status      text        not null check (status in ('CONNECTED', 'DISCONNECTED', 'BROKEN')),
    changed_at  timestamptz not null
);

create table user_gmail (
    practice_id uuid        not null,
    user_id     uuid        not null,
    status      text        not null check (status in ('CONNECTED', 'DISCONNECTED', 'BROKEN')),
    address     text,
    changed_at  timestamptz not null,
    primary key (practice_id, user_id)
);

-- Projection of register.client.v1: who a sender's address belongs to.
create table client_view (
    practice_id  uuid        not null,
    client_id    uuid        not null,
    display_name text        not null,
    email        text,
    active       boolean     not null,
    version      bigint      not null,
    updated_at   timestamptz not null,
    primary key (practice_id, client_id)
);

create table client_contact_view (
    practice_id uuid not null,
    client_id   uuid not null,
    contact_id  uuid not null,
    position    int  not null,
    name        text not null,
    email       text,
    role        text,
    primary key (practice_id, client_id, contact_id),
    foreign key (practice_id, client_id) references client_view (practice_id, client_id) on delete cascade
);
create index client_view_email on client_view (practice_id, lower(email));
create index client_contact_view_email on client_contact_view (practice_id, lower(email));

-- A Gmail message filed against a client: one row per (message, client); entry_id is the register entry.
create table assignment (
    practice_id      uuid        not null,
    gmail_message_id text        not null,
    client_id        uuid        not null,
    entry_id         uuid        not null unique,
    mailbox_user_id  uuid        not null,
    direction        text        not null check (direction in ('IN', 'OUT')),
    filed_by         text        not null check (filed_by in ('USER', 'AUTO')),
    assigned_by      uuid        not null,
    assigned_at      timestamptz not null,
    subject          text        not null,
    primary key (practice_id, gmail_message_id, client_id)
);

-- Per-practice filing settings (G5).
create table practice_settings (
    practice_id uuid primary key,
    auto_file   boolean     not null,
    updated_by  uuid        not null,
    updated_at  timestamptz not null
);

-- Per-user sync state (G5): where the history poll continues and when it may run next.
create table sync_state (
    practice_id    uuid        not null,
    user_id        uuid        not null,
    history_id     bigint,
    next_poll_at   timestamptz not null,
    failures       int         not null default 0,
    last_synced_at timestamptz,
    last_outcome   text,
    primary key (practice_id, user_id)
);

-- New mail from a known client contact, proposed for filing.
create table proposal (
    id               uuid primary key,
    practice_id      uuid        not null,
    mailbox_user_id  uuid        not null,
    gmail_message_id text        not null,
    client_id        uuid        not null,
    from_address     text        not null,
    subject          text        not null,
    received_at      timestamptz not null,
    status           text        not null check (status in ('OPEN', 'ACCEPTED', 'DISMISSED')),
    created_at       timestamptz not null,
    decided_by       uuid,
    decided_at       timestamptz,
    unique (practice_id, mailbox_user_id, gmail_message_id, client_id)
);
create index proposal_open on proposal (practice_id, mailbox_user_id, status);
