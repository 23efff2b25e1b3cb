-- Email templates with placeholders and attachment links (FEATURES.md R6).
create table email_template (
    id          uuid primary key,
    practice_id uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    subject     text        not null,
    body        text        not null,
    attachments jsonb       not null default '[]',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (practice_id, name)
);
