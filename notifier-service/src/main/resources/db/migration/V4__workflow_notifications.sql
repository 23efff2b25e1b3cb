-- Workflow notifications (issue 6): every (tool, trigger) default of a practice's settings snapshot, not only the
-- register's, and what the router learns from the workflow events themselves.

-- One row per configured (tool, trigger) pair of the latest applied snapshot; replaced with it (no row: the pair
-- is not configured, an opt-in trigger then sends nothing).
create table trigger_setting (
    practice_id   uuid not null,
    tool          text not null,
    trigger_name  text not null,
    mode          text not null,
    provider      text,
    channel_id    text,
    channel_name  text,
    team_id       text,
    primary key (practice_id, tool, trigger_name)
);

-- Jobs as JobCreated described them: JobMoved names neither the client nor who created the job.
create table workflow_job (
    job_id       uuid        primary key,
    practice_id  uuid        not null,
    client_id    uuid        not null,
    client_name  text        not null,
    title        text,
    created_by   uuid        not null,
    created_at   timestamptz not null
);
create index workflow_job_practice on workflow_job (practice_id);

-- Staff users who wrote in a client thread: they hear about the client's replies in-app.
create table workflow_thread_staff (
    practice_id  uuid        not null,
    thread_id    uuid        not null,
    user_id      uuid        not null,
    first_posted timestamptz not null,
    primary key (practice_id, thread_id, user_id)
);
