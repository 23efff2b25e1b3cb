-- A stand-in aggregate for the platform's tests.
create table widget (
    id          uuid primary key,
    practice_id uuid    not null,
    name        text    not null,
    version     integer not null
);

create table widget_effect (
    event_id    text primary key,
    widget_id   uuid not null,
    practice_id uuid not null,
    received_at timestamptz not null default clock_timestamp()
);
