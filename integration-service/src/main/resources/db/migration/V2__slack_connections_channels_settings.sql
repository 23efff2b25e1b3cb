-- Slack connections (P2, P6), the vault's sealed tokens (P7), channel lists and notification settings (P5).

-- One pending OAuth install per state. Only a SHA-256 of the state is kept: the value itself is the
-- callback's only credential and lives in the admin's browser alone.
create table oauth_state (
    state_hash     text        primary key,
    practice_id    uuid        not null references practice (id),
    user_id        uuid        not null,
    provider       text        not null,
    code_verifier  text        not null,
    expires_at     timestamptz not null,
    created_at     timestamptz not null default now()
);
create index oauth_state_expires on oauth_state (expires_at);

-- At most one Slack workspace per practice: the primary key refuses a second.
create table slack_connection (
    practice_id     uuid        primary key references practice (id),
    team_id         text        not null,
    team_name       text,
    bot_user_id     text,
    scopes          text,
    -- The bot token, AES-GCM sealed by the vault (nonce || ciphertext || tag) and the id of the key used.
    token_key_id    text        not null,
    token_sealed    bytea       not null,
    connected_by    uuid        not null,
    connected_at    timestamptz not null default now()
);

create table slack_channel (
    practice_id  uuid        not null references practice (id),
    id           text        not null,
    name         text        not null,
    is_private   boolean     not null,
    is_archived  boolean     not null,
    is_member    boolean     not null,
    refreshed_at timestamptz not null,
    primary key (practice_id, id)
);

create table notification_setting (
    practice_id      uuid        not null references practice (id),
    tool             text        not null,
    trigger          text        not null,
    delivery_mode    text        not null check (delivery_mode in ('EMAIL_ONLY', 'CHAT_ONLY', 'EMAIL_AND_CHAT')),
    default_provider text        check (default_provider in ('SLACK', 'TEAMS')),
    channel_id       text,
    channel_name     text,
    updated_by       uuid        not null,
    updated_at       timestamptz not null,
    primary key (practice_id, tool, trigger),
    check (channel_id is null or default_provider is not null)
);

-- The version of each practice's published settings snapshot.
create table notification_settings_version (
    practice_id uuid        primary key references practice (id),
    version     bigint      not null,
    updated_at  timestamptz not null
);
