-- Clients, family groups (client groups) and contacts (FEATURES.md R1).
create table family_group (
    id          uuid primary key,
    practice_id uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now(),
    unique (practice_id, name)
);

create table client (
    id              uuid primary key,
    practice_id     uuid        not null,
    family_group_id uuid references family_group (id),
    kind            text        not null check (kind in ('PERSON', 'ENTITY')),
    display_name    text        not null check (length(display_name) between 1 and 200),
    email           text,
    phone           text,
    created_at      timestamptz not null default now()
);
create index client_practice on client (practice_id);
create index client_family_group on client (family_group_id);

create table contact (
    id          uuid primary key,
    practice_id uuid        not null,
    client_id   uuid        not null references client (id),
    name        text        not null check (length(name) between 1 and 200),
    email       text,
    phone       text,
    position    text,
    created_at  timestamptz not null default now()
);
create index contact_client on contact (client_id);
