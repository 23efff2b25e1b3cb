-- The correspondence router's intake (N7): the batch listener stores each event here in one transaction per poll,
-- and the fair router takes them per practice in round robin, each practice's in arrival (id) order. A row is
-- deleted in the transaction that routes it (processed_event keeps the dedupe), so the table holds only the backlog.
create table routing_queue (
    id                bigserial primary key,
    event_id          text        not null unique,
    event_type        text        not null,
    practice_id       uuid        not null,
    source            text        not null,
    subject           text,
    occurred_at       timestamptz,
    data_content_type text,
    data_schema       text,
    extensions        jsonb       not null default '{}',
    data              bytea,
    attempts          int         not null default 0,
    not_before        timestamptz not null default clock_timestamp(),
    last_error        text,
    received_at       timestamptz not null default clock_timestamp()
);
create index routing_queue_practice on routing_queue (practice_id, id);
