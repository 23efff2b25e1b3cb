-- Microsoft Teams (P3, P6) and connection health (P8).

-- The practice's org-wide admin consent: the Microsoft tenant that granted Switchboard's app its
-- delegated permissions for every user. Nothing secret is kept for it: admin consent yields no token.
create table teams_connection (
    practice_id    uuid        primary key references practice (id),
    tenant_id      text        not null,
    consented_by   uuid        not null,
    consented_at   timestamptz not null,
    status         text        not null default 'CONNECTED' check (status in ('CONNECTED', 'BROKEN')),
    status_reason  text,
    status_at      timestamptz
);

-- Each staff user's own delegated Microsoft connection: access and refresh tokens sealed by the vault.
create table teams_user_connection (
    practice_id        uuid        not null references practice (id),
    user_id            uuid        not null references staff_user (id),
    microsoft_user_id  text        not null,
    user_principal     text,
    scopes             text,
    access_key_id      text        not null,
    access_sealed      bytea       not null,
    refresh_key_id     text,
    refresh_sealed     bytea,
    access_expires_at  timestamptz not null,
    status             text        not null default 'CONNECTED' check (status in ('CONNECTED', 'BROKEN')),
    status_reason      text,
    connected_at       timestamptz not null,
    refreshed_at       timestamptz,
    primary key (practice_id, user_id)
);
create index teams_user_connection_expiry on teams_user_connection (access_expires_at) where status = 'CONNECTED';

create table teams_channel (
    practice_id   uuid        not null references practice (id),
    team_id       text        not null,
    team_name     text        not null,
    id            text        not null,
    name          text        not null,
    refreshed_at  timestamptz not null,
    primary key (practice_id, team_id, id)
);

-- A Slack workspace whose token Slack rejected (token_revoked, invalid_auth) stays until an admin
-- reconnects or disconnects, marked broken so deliveries say so instead of failing silently.
alter table slack_connection add column status text not null default 'CONNECTED'
    check (status in ('CONNECTED', 'BROKEN'));
alter table slack_connection add column status_reason text;
alter table slack_connection add column status_at timestamptz;

-- A Teams channel default names its team as well.
alter table notification_setting add column team_id text;
alter table notification_setting add constraint notification_setting_teams_channel_has_team
    check (default_provider is distinct from 'TEAMS' or channel_id is null or team_id is not null);
