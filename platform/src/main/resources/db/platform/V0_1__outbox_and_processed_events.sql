-- Platform tables every service owns in its own schema (see platform/README.md).

-- Transactional outbox: written in the same transaction as the domain change, drained by the relay
-- in id order, deleted once the broker has acknowledged.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_key      text        not null,
    event_type     text        not null,
    source         text        not null,
    subject        text        not null,
    practice_id    uuid        not null,
    occurred_at    timestamptz not null,
    data_schema    text        not null,
    correlation_id text,
    causation_id   text,
    traceparent    text,
    data           bytea       not null,
    recorded_at    timestamptz not null default clock_timestamp()
);

-- Idempotent consumers: one row per (consumer, event) written with the consumer's effect, so a
-- redelivered event is recognised and skipped.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default clock_timestamp(),
    primary key (consumer, event_id)
);
