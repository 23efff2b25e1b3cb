-- Practices (tenants) and their staff directory (FEATURES.md P1).
create table practice (
    id         uuid primary key,
    name       text        not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now()
);

create table staff_user (
    id                 uuid primary key,
    practice_id        uuid        not null references practice (id),
    email              text        not null check (length(email) between 3 and 320),
    display_name       text        not null check (length(display_name) between 1 and 200),
    role               text        not null check (role in ('PRACTICE_ADMIN', 'STAFF')),
    active             boolean     not null default true,
    slack_user_id      text,
    microsoft_user_id  text,
    created_at         timestamptz not null default now(),
    unique (practice_id, email)
);
create index staff_user_practice on staff_user (practice_id);
