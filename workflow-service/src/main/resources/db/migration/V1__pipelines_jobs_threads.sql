-- Workflow (FEATURES.md W1–W5): message templates, pipelines with ordered stages and their
-- automations, jobs and their moves, client chat threads with to-dos, and portal users.

-- Message templates for chat messages; to-dos are the items a message from the template carries.
create table message_template (
    id          uuid primary key,
    practice_id uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    subject     text        not null,
    body        text        not null,
    todos       jsonb       not null default '[]',
    created_at  timestamptz not null default now(),
    unique (practice_id, name)
);

create table pipeline (
    id          uuid primary key,
    practice_id uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now(),
    unique (practice_id, name)
);

-- Positions are rewritten whole under the pipeline's row lock, so they stay 0..n-1 without gaps.
create table stage (
    id                     uuid primary key,
    practice_id            uuid    not null,
    pipeline_id            uuid    not null references pipeline (id) on delete cascade,
    name                   text    not null check (length(name) between 1 and 200),
    position               int     not null,
    automove               boolean not null default false,
    automation_template_id uuid references message_template (id),
    automation_mode        text check (automation_mode in ('NEW_THREAD', 'REPLY_TO_LATEST')),
    check ((automation_template_id is null) = (automation_mode is null))
);
create index stage_pipeline on stage (pipeline_id, position);

create table job (
    id          uuid primary key,
    practice_id uuid        not null,
    pipeline_id uuid        not null references pipeline (id),
    stage_id    uuid        not null references stage (id),
    client_id   uuid        not null,
    client_name text        not null,
    title       text,
    created_by  uuid        not null,
    created_at  timestamptz not null default now(),
    stage_since timestamptz not null default now()
);
create index job_pipeline on job (practice_id, pipeline_id);
create index job_stage on job (stage_id);

create table job_move (
    id            uuid primary key,
    practice_id   uuid        not null,
    job_id        uuid        not null references job (id),
    from_stage_id uuid        not null,
    to_stage_id   uuid        not null,
    reason        text        not null check (reason in ('MANUAL', 'AUTOMOVE')),
    decision      text check (decision in ('KEEP_OPEN', 'CANCEL', 'MOVE_ALONG')),
    moved_by      uuid        not null,
    moved_at      timestamptz not null
);
create index job_move_job on job_move (job_id, moved_at);

-- A client's portal users. Tokens of CLIENT users carry the practice but not the client, so staff
-- register which client each portal user belongs to (see README).
create table portal_user (
    practice_id  uuid        not null,
    user_id      uuid        not null,
    client_id    uuid        not null,
    email        text        not null,
    display_name text,
    created_at   timestamptz not null default now(),
    primary key (practice_id, user_id)
);
create index portal_user_client on portal_user (practice_id, client_id);

create table chat_thread (
    id              uuid primary key,
    practice_id     uuid        not null,
    client_id       uuid        not null,
    subject         text        not null,
    created_by      uuid        not null,
    created_at      timestamptz not null,
    last_message_at timestamptz not null
);
create index chat_thread_client on chat_thread (practice_id, client_id, last_message_at desc);

create table thread_message (
    id             uuid primary key,
    practice_id    uuid        not null,
    thread_id      uuid        not null references chat_thread (id),
    author_user_id uuid        not null,
    author_party   text        not null check (author_party in ('PRACTICE', 'CLIENT')),
    body           text        not null,
    automated      boolean     not null default false,
    posted_at      timestamptz not null,
    seq            bigserial
);
create index thread_message_thread on thread_message (thread_id, seq);

create table todo_item (
    id          uuid primary key,
    practice_id uuid        not null,
    thread_id   uuid        not null references chat_thread (id),
    message_id  uuid        not null references thread_message (id),
    text        text        not null,
    status      text        not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
    done_by     uuid,
    done_at     timestamptz,
    seq         bigserial
);
create index todo_item_thread on todo_item (thread_id, seq);

-- Which threads a job is linked to: automatically by a stage automation, or by hand.
create table thread_link (
    practice_id uuid        not null,
    thread_id   uuid        not null references chat_thread (id),
    job_id      uuid        not null,
    automatic   boolean     not null,
    linked_by   uuid        not null,
    linked_at   timestamptz not null,
    seq         bigserial,
    primary key (thread_id, job_id)
);
create index thread_link_job on thread_link (job_id, seq);
