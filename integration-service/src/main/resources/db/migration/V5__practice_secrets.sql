-- Secrets clients hand to the practice (W6 credential requests): sealed by the vault, referenced from
-- workflow tasks by an opaque ref, every read audited.
create table practice_secret (
    ref            text        primary key,
    practice_id    uuid        not null references practice (id),
    client_id      uuid        not null,
    task_id        uuid,
    label          text        not null check (length(label) between 1 and 200),
    -- username and secret, each sealed with the vault (purpose bound to the ref, so rows cannot be swapped)
    key_id         text        not null,
    username_sealed bytea,
    secret_sealed  bytea       not null,
    submitted_by   uuid        not null,
    created_at     timestamptz not null default now()
);
create index practice_secret_practice on practice_secret (practice_id);

create table practice_secret_access (
    id           bigserial   primary key,
    ref          text        not null references practice_secret (ref),
    practice_id  uuid        not null references practice (id),
    -- the staff user on whose behalf the calling service read it, as the service says
    actor        uuid,
    -- the calling service (its token's subject)
    caller       text        not null,
    accessed_at  timestamptz not null default now()
);
create index practice_secret_access_ref on practice_secret_access (ref);
