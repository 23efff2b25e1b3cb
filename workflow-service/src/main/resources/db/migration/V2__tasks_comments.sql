-- Work tasks and comments with mentions (FEATURES.md W6, W7): the practice's points of contact and
-- role assignments, tasks with their documents and credential references, and comments.

-- Who is assigned new tasks by default, and the extra contacts for bank-statement and
-- accounts-payable tasks. One row per practice; a client row overrides whichever fields it sets.
create table point_of_contact (
    practice_id                uuid        not null,
    -- '00000000-0000-0000-0000-000000000000' is the practice-wide row; otherwise a client id.
    client_id                  uuid        not null,
    primary_user_id            uuid,
    bank_statements_user_id    uuid,
    accounts_payable_user_id   uuid,
    updated_by                 uuid        not null,
    updated_at                 timestamptz not null,
    primary key (practice_id, client_id)
);

-- Who is behind a mentionable role (@accountant, @deployment) in a practice.
create table role_assignment (
    practice_id uuid        not null,
    role_name   text        not null check (role_name ~ '^[a-z][a-z0-9-]{0,39}$'),
    user_id     uuid        not null,
    assigned_by uuid        not null,
    assigned_at timestamptz not null,
    primary key (practice_id, role_name, user_id)
);

create table work_task (
    id                    uuid primary key,
    practice_id           uuid        not null,
    client_id             uuid        not null,
    job_id                uuid references job (id),
    type                  text        not null check (type in ('DOCUMENT_UPLOAD_REQUEST', 'BANK_FEED_CONNECTION_REQUEST',
                                                               'CREDENTIAL_REQUEST', 'CUSTOM_REQUEST')),
    category              text        not null check (category in ('GENERAL', 'BANK_STATEMENTS', 'ACCOUNTS_PAYABLE')),
    title                 text        not null check (length(title) between 1 and 300),
    description           text,
    due_date              date,
    status                text        not null default 'OPEN'
                                      check (status in ('OPEN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    assignee_user_id      uuid        not null,
    extra_contact_user_id uuid,
    -- Document uploads: the logical folder of the client's document tree the files are filed in.
    folder                text,
    bank_name             text,
    bank_connected_at     timestamptz,
    -- Credential requests: only the vault's reference, never the secret.
    secret_ref            text,
    secret_submitted_at   timestamptz,
    response_text         text,
    created_by            uuid        not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    completed_at          timestamptz,
    check ((type = 'DOCUMENT_UPLOAD_REQUEST') = (folder is not null))
);
create index work_task_client on work_task (practice_id, client_id, created_at);
create index work_task_job on work_task (job_id);

create table task_document (
    id            uuid primary key,
    practice_id   uuid        not null,
    task_id       uuid        not null references work_task (id),
    filename      text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    -- Where the DocumentStore keeps the bytes; changes from the staging area to the folder on completion.
    storage_key   text        not null,
    filed_folder  text,
    uploaded_by   uuid        not null,
    uploaded_at   timestamptz not null,
    filed_at      timestamptz,
    seq           bigserial
);
create index task_document_task on task_document (task_id, seq);

-- Every read of a task's credential through the vault: who, when, which task.
create table credential_access (
    id          uuid primary key,
    practice_id uuid        not null,
    task_id     uuid        not null references work_task (id),
    user_id     uuid        not null,
    accessed_at timestamptz not null
);
create index credential_access_task on credential_access (task_id, accessed_at);

create table comment (
    id             uuid primary key,
    practice_id    uuid        not null,
    target_kind    text        not null check (target_kind in ('JOB', 'TASK')),
    target_id      uuid        not null,
    client_id      uuid        not null,
    author_user_id uuid        not null,
    author_party   text        not null check (author_party in ('PRACTICE', 'CLIENT')),
    body           text        not null,
    posted_at      timestamptz not null,
    seq            bigserial
);
create index comment_target on comment (target_id, seq);

-- The mentions a comment carried, as given, with the people each reached (empty: it reached nobody).
create table comment_mention (
    comment_id   uuid   not null references comment (id),
    practice_id  uuid   not null,
    position     int    not null,
    kind         text   not null check (kind in ('ROLE', 'USER')),
    role_name    text,
    user_id      uuid,
    reached      uuid[] not null,
    primary key (comment_id, position)
);
