-- Local projections of integration-service's compacted topics: the router never calls another service per event.
create table practice_settings (
    practice_id      uuid primary key,
    version          bigint      not null,
    slack_connected  boolean     not null default false,
    register_mode    text,
    register_provider text,
    register_channel_id   text,
    register_channel_name text,
    updated_at       timestamptz not null default now()
);

create table directory_user (
    practice_id    uuid        not null,
    user_id        uuid        primary key,
    email          text        not null,
    display_name   text        not null,
    active         boolean     not null,
    slack_user_id  text,
    updated_at     timestamptz not null default now()
);
create index directory_user_practice on directory_user (practice_id);

-- The delivery ledger and durable per-target queue: one row per notification id (the command's id).
-- status: PENDING (queued, due at not_before) -> SENDING (claimed, lease_until) -> DELIVERED | FAILED.
create table delivery (
    notification_id     uuid        primary key,
    practice_id         uuid        not null,
    channel             text        not null,
    pace_key            text        not null,   -- the provider's pacing unit: a Slack channel / DM, an email recipient
    workspace_key       text        not null,   -- the wider unit: the practice's Slack workspace, the SMTP relay
    target              text        not null,
    command             bytea       not null,   -- the command's JSON, re-read when sending
    status              text        not null,
    attempts            int         not null default 0,
    not_before          timestamptz not null,
    lease_until         timestamptz,
    provider_message_id text,
    reason              text,
    reason_text         text,
    requested_at        timestamptz not null,
    accepted_at         timestamptz not null default now(),
    completed_at        timestamptz,
    updated_at          timestamptz not null default now()
);
create index delivery_due on delivery (channel, pace_key, not_before) where status = 'PENDING';
create index delivery_sending on delivery (lease_until) where status = 'SENDING';
create index delivery_practice on delivery (practice_id);
