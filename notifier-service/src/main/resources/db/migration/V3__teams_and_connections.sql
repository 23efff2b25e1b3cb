-- Teams (N3) and connection health (P3, P8): what the router needs to decide a Teams target at routing time.
alter table practice_settings add column teams_connected boolean not null default false;
alter table practice_settings add column register_team_id text;

alter table directory_user add column role text;
alter table directory_user add column microsoft_user_id text;

-- The latest state of every connection from integration.connection.v1 (keyed by connection, like the topic):
-- practice-level (user_id = the nil UUID) and each user's own (Teams delegated, Gmail). A Teams share is sent
-- with the sharing user's own Microsoft connection, so the router asks this table before emitting a command.
create table connection_state (
    practice_id  uuid        not null,
    provider     text        not null,
    user_id      uuid        not null,   -- 00000000-0000-0000-0000-000000000000 for PRACTICE scope
    status       text        not null,   -- CONNECTED, DISCONNECTED, BROKEN
    changed_at   timestamptz not null,
    updated_at   timestamptz not null default now(),
    primary key (practice_id, provider, user_id)
);
