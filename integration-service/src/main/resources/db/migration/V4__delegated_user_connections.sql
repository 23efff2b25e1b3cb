-- Each staff user's own delegated connection to a provider (Teams P3, Gmail P4): one table for every
-- provider, since they differ only in how a token is refreshed and revoked. Replaces teams_user_connection.
create table user_connection (
    practice_id        uuid        not null references practice (id),
    user_id            uuid        not null references staff_user (id),
    provider           text        not null check (provider in ('MICROSOFT_TEAMS', 'GMAIL')),
    -- The user at the provider: Microsoft user id, Google account id (sub).
    external_user_id   text        not null,
    -- Their sign-in name there: user principal name, Gmail address.
    external_name      text,
    scopes             text,
    -- Access and refresh tokens, AES-GCM sealed by the vault, with the ids of the keys used.
    access_key_id      text        not null,
    access_sealed      bytea       not null,
    refresh_key_id     text,
    refresh_sealed     bytea,
    access_expires_at  timestamptz not null,
    status             text        not null default 'CONNECTED' check (status in ('CONNECTED', 'BROKEN')),
    status_reason      text,
    connected_at       timestamptz not null,
    refreshed_at       timestamptz,
    primary key (practice_id, user_id, provider)
);
create index user_connection_expiry on user_connection (provider, access_expires_at) where status = 'CONNECTED';

insert into user_connection (practice_id, user_id, provider, external_user_id, external_name, scopes, access_key_id,
                             access_sealed, refresh_key_id, refresh_sealed, access_expires_at, status, status_reason,
                             connected_at, refreshed_at)
select practice_id, user_id, 'MICROSOFT_TEAMS', microsoft_user_id, user_principal, scopes, access_key_id, access_sealed,
       refresh_key_id, refresh_sealed, access_expires_at, status, status_reason, connected_at, refreshed_at
from teams_user_connection;

drop table teams_user_connection;

-- Gmail for the practice (P4): enabled by an admin; each user then connects their own account.
create table gmail_enablement (
    practice_id  uuid        primary key references practice (id),
    enabled_by   uuid        not null,
    enabled_at   timestamptz not null
);
