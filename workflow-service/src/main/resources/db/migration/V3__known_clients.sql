-- Projection of register.client.v1: which clients each practice has, so every client id a caller names
-- is checked against the caller's practice (another practice's client, or one the register never had, is 404).
create table known_client (
    practice_id  uuid        not null,
    client_id    uuid        not null,
    display_name text        not null,
    -- false once the register archived or deleted the client: it takes no new work.
    active       boolean     not null,
    version      bigint      not null,
    updated_at   timestamptz not null,
    primary key (practice_id, client_id)
);
