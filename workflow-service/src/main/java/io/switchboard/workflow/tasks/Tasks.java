package io.switchboard.workflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.switchboard.contracts.workflow.TaskAssigned;
import io.switchboard.contracts.workflow.TaskCategory;
import io.switchboard.contracts.workflow.TaskResponded;
import io.switchboard.contracts.workflow.TaskResponseKind;
import io.switchboard.contracts.workflow.TaskStatus;
import io.switchboard.contracts.workflow.TaskStatusChanged;
import io.switchboard.contracts.workflow.TaskType;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.platform.security.Tenant;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.NotFoundException;
import io.switchboard.workflow.clients.Clients;
import io.switchboard.workflow.contacts.PointsOfContact;
import io.switchboard.workflow.jobs.Job;
import io.switchboard.workflow.jobs.Jobs;

/**
 * Work tasks (FEATURES.md W6): created for a client or on a job and assigned to the practice's point
 * of contact; the client's portal users answer them (files, bank feed, credential, text); staff
 * reassign, start, complete or cancel them. Every change is published on {@code workflow.task.v1}.
 *
 * <p>Files: uploads are stored by generated id and filed in the task's folder when a document
 * upload request completes; store changes are undone when the database transaction rolls back.
 * Credentials go to the {@link CredentialVault}; the task keeps only the reference, and every read
 * is recorded in {@code credential_access} before the vault is asked.
 */
@Service
public class Tasks {

    private static final int EXCERPT = 280;

    private final TenantJdbc jdbc;
    private final Clients clients;
    private final Jobs jobs;
    private final PointsOfContact contacts;
    private final DocumentStore store;
    private final UploadPolicy policy;
    private final CredentialVault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final String publicUrl;

    Tasks(TenantJdbc jdbc, Clients clients, Jobs jobs, PointsOfContact contacts, DocumentStore store, UploadPolicy policy,
          CredentialVault vault, ApplicationEventPublisher events, @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.jobs = jobs;
        this.contacts = contacts;
        this.store = store;
        this.policy = policy;
        this.vault = vault;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Who changes a task: a staff user or one of the client's portal users. */
    public record Actor(UUID userId, ThreadParty party) {
    }

    @Transactional
    public Task create(UUID practiceId, NewTask request, UUID createdBy) {
        UUID clientId = request.clientId();
        if (clientId != null) {
            clients.requireActive(practiceId, clientId);
        }
        if (request.jobId() != null) {
            Job job;
            try {
                job = jobs.get(practiceId, request.jobId());
            } catch (NotFoundException missing) {
                throw InvalidRequestException.field("jobId", "is not a job of this practice");
            }
            if (clientId != null && !clientId.equals(job.clientId())) {
                throw InvalidRequestException.field("clientId", "is not the job's client");
            }
            clientId = job.clientId();
        }
        if (clientId == null) {
            throw InvalidRequestException.field("clientId", "is required for a task without a job");
        }
        String folder = null;
        if (request.type() == TaskType.DOCUMENT_UPLOAD_REQUEST) {
            folder = TaskFolders.normalise(request.folder());
            if (folder == null) {
                throw InvalidRequestException.field("folder",
                        "a document upload request needs the folder its files go to, e.g. \"Bank Statements/2026\"");
            }
        } else if (request.folder() != null) {
            throw InvalidRequestException.field("folder", "only document upload requests have a folder");
        }
        TaskCategory category = request.category() == null ? TaskCategory.GENERAL : request.category();
        UUID client = clientId;
        UUID assignee = request.assigneeUserId() != null ? request.assigneeUserId()
                : contacts.primaryFor(practiceId, client).orElseThrow(() -> InvalidRequestException.field(
                        "assigneeUserId", "no primary point of contact is set for the practice; name an assignee"));
        UUID extra = request.extraContactUserId() != null ? request.extraContactUserId()
                : contacts.extraFor(practiceId, client, category).orElse(null);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String title = request.title().strip();
        jdbc.sql(practiceId, """
                insert into work_task (id, practice_id, client_id, job_id, type, category, title, description, due_date,
                                       assignee_user_id, extra_contact_user_id, folder, created_by, created_at, updated_at)
                values (:id, :practiceId, :clientId, :jobId, :type, :category, :title, :description, :dueDate,
                        :assignee, :extra, :folder, :createdBy, :now, :now)
                """).param("id", id).param("clientId", client).param("jobId", request.jobId())
                .param("type", request.type().name()).param("category", category.name()).param("title", title)
                .param("description", blankToNull(request.description()))
                .param("dueDate", request.dueDate() == null ? null : Date.valueOf(request.dueDate()))
                .param("assignee", assignee).param("extra", extra).param("folder", folder)
                .param("createdBy", createdBy).param("now", Timestamp.from(now)).update();
        events.publishEvent(new TaskAssigned(id, practiceId, client, request.jobId(), request.type(), category, title,
                request.dueDate() == null ? null : request.dueDate().toString(), assignee, null, extra, createdBy, now,
                link(id)));
        return get(practiceId, id);
    }

    @Transactional(readOnly = true)
    public Task get(UUID practiceId, UUID taskId) {
        return row(practiceId, taskId, false);
    }

    /** The task if it is the client's; another client's task is reported as missing. */
    @Transactional(readOnly = true)
    public Task getForClient(UUID practiceId, UUID clientId, UUID taskId) {
        Task task = get(practiceId, taskId);
        if (!task.clientId().equals(clientId)) {
            throw new NotFoundException("task", taskId);
        }
        return task;
    }

    /** The practice's tasks, newest first, narrowed by whichever filters are given. */
    @Transactional(readOnly = true)
    public List<Task> list(UUID practiceId, UUID clientId, UUID jobId, TaskStatus status, UUID assigneeUserId) {
        return jdbc.sql(practiceId, """
                select id from work_task where practice_id = :practiceId
                  and (cast(:clientId as uuid) is null or client_id = :clientId)
                  and (cast(:jobId as uuid) is null or job_id = :jobId)
                  and (cast(:status as text) is null or status = :status)
                  and (cast(:assignee as uuid) is null or assignee_user_id = :assignee)
                order by created_at desc, id
                """).param("clientId", clientId).param("jobId", jobId)
                .param("status", status == null ? null : status.name()).param("assignee", assigneeUserId)
                .query(UUID.class).list().stream().map(id -> get(practiceId, id)).toList();
    }

    @Transactional
    public Task reassign(UUID practiceId, UUID taskId, UUID assigneeUserId, UUID by) {
        Task task = row(practiceId, taskId, true);
        requireOpen(task);
        if (!task.assigneeUserId().equals(assigneeUserId)) {
            Instant now = clock.instant();
            jdbc.sql(practiceId, """
                    update work_task set assignee_user_id = :assignee, updated_at = :now
                    where id = :id and practice_id = :practiceId
                    """).param("id", taskId).param("assignee", assigneeUserId).param("now", Timestamp.from(now)).update();
            events.publishEvent(new TaskAssigned(taskId, practiceId, task.clientId(), task.jobId(), task.type(),
                    task.category(), task.title(), task.dueDate() == null ? null : task.dueDate().toString(),
                    assigneeUserId, task.assigneeUserId(), task.extraContactUserId(), by, now, link(taskId)));
        }
        return get(practiceId, taskId);
    }

    /** A staff user starts, completes or cancels a task; completing a document upload files its documents. */
    @Transactional
    public Task changeStatus(UUID practiceId, UUID taskId, TaskStatus to, UUID by) {
        if (to == TaskStatus.OPEN) {
            throw InvalidRequestException.field("status", "a task cannot be reopened");
        }
        Task task = row(practiceId, taskId, true);
        requireOpen(task);
        if (task.status() == to) {
            return task;
        }
        transition(practiceId, task, to, new Actor(by, ThreadParty.PRACTICE));
        return get(practiceId, taskId);
    }

    /**
     * A portal user completes a document upload (once files are uploaded) or a custom request (once
     * answered); bank feeds and credentials complete when the client connects or submits them.
     */
    @Transactional
    public Task completeByClient(UUID practiceId, UUID clientId, UUID taskId, UUID userId) {
        Task task = lockForClient(practiceId, clientId, taskId);
        requireOpen(task);
        switch (task.type()) {
            case DOCUMENT_UPLOAD_REQUEST -> {
                if (task.documents().isEmpty()) {
                    throw new ConflictException("Upload at least one file before completing this request.");
                }
            }
            case CUSTOM_REQUEST -> {
                if (task.documents().isEmpty() && task.responseText() == null) {
                    throw new ConflictException("Answer the request or upload a file before completing it.");
                }
            }
            default -> throw new ConflictException("This task completes when you "
                    + (task.type() == TaskType.CREDENTIAL_REQUEST ? "submit the credential." : "connect the bank feed."));
        }
        transition(practiceId, task, TaskStatus.COMPLETED, new Actor(userId, ThreadParty.CLIENT));
        return get(practiceId, taskId);
    }

    /** Stores a portal user's files on a document upload or custom request; refused files store nothing. */
    @Transactional
    public Task upload(UUID practiceId, UUID clientId, UUID taskId, List<Upload> files, UUID userId) {
        Task task = lockForClient(practiceId, clientId, taskId);
        requireOpen(task);
        if (task.type() != TaskType.DOCUMENT_UPLOAD_REQUEST && task.type() != TaskType.CUSTOM_REQUEST) {
            throw new ConflictException("This task does not take files.");
        }
        if (files.isEmpty() || files.size() > 10) {
            throw InvalidRequestException.field("files", "send between 1 and 10 files");
        }
        List<UploadPolicy.Accepted> accepted = new ArrayList<>();
        for (Upload file : files) {
            accepted.add(policy.check(file.originalName(), file.contentType(), file.size(), head(file)));
        }
        Instant now = clock.instant();
        for (int i = 0; i < files.size(); i++) {
            UUID documentId = UUID.randomUUID();
            DocumentStore.Stored stored;
            try (InputStream in = files.get(i).content().open()) {
                stored = store.put(practiceId, documentId, in, policy.maxBytes());
            } catch (DocumentStore.TooLarge tooLarge) {
                throw new UploadRefusedException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                        "A file is larger than the " + policy.maxBytes() + " bytes allowed.");
            } catch (IOException e) {
                throw new UncheckedIOException("could not store an uploaded document", e);
            }
            onRollback(() -> store.delete(stored.key()));
            jdbc.sql(practiceId, """
                    insert into task_document (id, practice_id, task_id, filename, content_type, size_bytes, sha256,
                                               storage_key, uploaded_by, uploaded_at)
                    values (:id, :practiceId, :taskId, :filename, :contentType, :size, :sha256, :key, :by, :now)
                    """).param("id", documentId).param("taskId", taskId).param("filename", accepted.get(i).filename())
                    .param("contentType", accepted.get(i).contentType()).param("size", stored.sizeBytes())
                    .param("sha256", stored.sha256()).param("key", stored.key()).param("by", userId)
                    .param("now", Timestamp.from(now)).update();
        }
        responded(practiceId, task, TaskResponseKind.FILES_UPLOADED, userId, files.size(), null, null, now);
        return get(practiceId, taskId);
    }

    /** The client reports the bank feed connected; that completes the request. */
    @Transactional
    public Task connectBankFeed(UUID practiceId, UUID clientId, UUID taskId, String bankName, UUID userId) {
        Task task = lockForClient(practiceId, clientId, taskId);
        requireOpen(task);
        requireType(task, TaskType.BANK_FEED_CONNECTION_REQUEST);
        Instant now = clock.instant();
        jdbc.sql(practiceId, """
                update work_task set bank_name = :bank, bank_connected_at = :now, updated_at = :now
                where id = :id and practice_id = :practiceId
                """).param("id", taskId).param("bank", bankName.strip()).param("now", Timestamp.from(now)).update();
        responded(practiceId, task, TaskResponseKind.BANK_FEED_CONNECTED, userId, 0, bankName.strip(), null, now);
        transition(practiceId, row(practiceId, taskId, true), TaskStatus.COMPLETED, new Actor(userId, ThreadParty.CLIENT));
        return get(practiceId, taskId);
    }

    /**
     * The client submits the requested credential: it goes to the vault and the task keeps the
     * reference; that completes the request. The task's row stays locked while the vault stores it, so
     * two submissions cannot both store.
     */
    @Transactional
    public Task submitCredential(UUID practiceId, UUID clientId, UUID taskId, String username, String secret,
                                 UUID userId) {
        Task task = lockForClient(practiceId, clientId, taskId);
        requireOpen(task);
        requireType(task, TaskType.CREDENTIAL_REQUEST);
        String ref = vault.store(practiceId, new CredentialVault.SecretToStore(clientId, taskId, task.title(),
                blankToNull(username), secret, userId));
        Instant now = clock.instant();
        jdbc.sql(practiceId, """
                update work_task set secret_ref = :ref, secret_submitted_at = :now, updated_at = :now
                where id = :id and practice_id = :practiceId
                """).param("id", taskId).param("ref", ref).param("now", Timestamp.from(now)).update();
        responded(practiceId, task, TaskResponseKind.CREDENTIAL_SUBMITTED, userId, 0, null, null, now);
        transition(practiceId, row(practiceId, taskId, true), TaskStatus.COMPLETED, new Actor(userId, ThreadParty.CLIENT));
        return get(practiceId, taskId);
    }

    /** The client answers a custom request in text. */
    @Transactional
    public Task respond(UUID practiceId, UUID clientId, UUID taskId, String text, UUID userId) {
        Task task = lockForClient(practiceId, clientId, taskId);
        requireOpen(task);
        requireType(task, TaskType.CUSTOM_REQUEST);
        Instant now = clock.instant();
        jdbc.sql(practiceId, """
                update work_task set response_text = :text, updated_at = :now where id = :id and practice_id = :practiceId
                """).param("id", taskId).param("text", text.strip()).param("now", Timestamp.from(now)).update();
        responded(practiceId, task, TaskResponseKind.TEXT_RESPONDED, userId, 0, null, excerpt(text), now);
        return get(practiceId, taskId);
    }

    /** A document of the task and its bytes. */
    public record OpenedDocument(TaskDocument document, InputStream content) {
    }

    @Transactional(readOnly = true)
    public OpenedDocument openDocument(UUID practiceId, UUID taskId, UUID documentId) {
        get(practiceId, taskId);
        String key = jdbc.sql(practiceId, """
                select storage_key from task_document where id = :id and task_id = :taskId and practice_id = :practiceId
                """).param("id", documentId).param("taskId", taskId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("document", documentId));
        TaskDocument document = documents(practiceId, taskId).stream().filter(d -> d.id().equals(documentId))
                .findFirst().orElseThrow();
        try {
            return new OpenedDocument(document, store.open(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read document " + documentId, e);
        }
    }

    /**
     * Reads a task's submitted credential through the vault for a practice admin or the task's
     * assignee. The read is recorded (who, when, which task) before the vault is asked, so even a
     * read the vault then fails is on record.
     */
    public CredentialVault.StoredSecret revealCredential(UUID practiceId, UUID taskId, Tenant reader) {
        Task task = get(practiceId, taskId);
        if (!reader.isAdmin() && !task.assigneeUserId().equals(reader.userId())) {
            throw new AccessDeniedException("only a practice admin or the task's assignee may read its credential");
        }
        String ref = jdbc.sql(practiceId, "select secret_ref from work_task where id = :id and practice_id = :practiceId")
                .param("id", taskId).query(String.class).optional().orElse(null);
        if (ref == null) {
            throw new ConflictException("No credential has been submitted for this task.");
        }
        jdbc.sql(practiceId, """
                insert into credential_access (id, practice_id, task_id, user_id, accessed_at)
                values (:id, :practiceId, :taskId, :userId, :now)
                """).param("id", UUID.randomUUID()).param("taskId", taskId).param("userId", reader.userId())
                .param("now", Timestamp.from(clock.instant())).update();
        return vault.read(practiceId, ref, reader.userId());
    }

    /** One read of a task's credential. */
    public record CredentialAccess(UUID userId, Instant accessedAt) {
    }

    @Transactional(readOnly = true)
    public List<CredentialAccess> credentialAccesses(UUID practiceId, UUID taskId) {
        get(practiceId, taskId);
        return jdbc.sql(practiceId, """
                select user_id, accessed_at from credential_access where task_id = :taskId and practice_id = :practiceId
                order by accessed_at, id
                """).param("taskId", taskId).query((rs, n) -> new CredentialAccess(rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("accessed_at").toInstant())).list();
    }

    public String link(UUID taskId) {
        return publicUrl + "/workflow/tasks/" + taskId;
    }

    private void responded(UUID practiceId, Task task, TaskResponseKind kind, UUID userId, int files, String bankName,
                           String excerpt, Instant now) {
        events.publishEvent(new TaskResponded(task.id(), practiceId, task.clientId(), task.jobId(), task.type(),
                task.title(), kind, userId, task.assigneeUserId(), task.extraContactUserId(), files, bankName, excerpt,
                now, link(task.id())));
        if (task.status() == TaskStatus.OPEN && kind != TaskResponseKind.BANK_FEED_CONNECTED
                && kind != TaskResponseKind.CREDENTIAL_SUBMITTED) {
            transition(practiceId, task, TaskStatus.IN_PROGRESS, new Actor(userId, ThreadParty.CLIENT));
        }
    }

    /** Moves the (locked) task to {@code to}; completing a document upload files its documents in the folder. */
    private void transition(UUID practiceId, Task task, TaskStatus to, Actor actor) {
        Instant now = clock.instant();
        String filedIn = null;
        if (to == TaskStatus.COMPLETED && task.type() == TaskType.DOCUMENT_UPLOAD_REQUEST) {
            fileDocuments(practiceId, task, now);
            filedIn = task.folder();
        }
        jdbc.sql(practiceId, """
                update work_task set status = :to, updated_at = :now,
                       completed_at = case when :to = 'COMPLETED' then cast(:now as timestamptz) else completed_at end
                where id = :id and practice_id = :practiceId
                """).param("id", task.id()).param("to", to.name()).param("now", Timestamp.from(now)).update();
        events.publishEvent(new TaskStatusChanged(task.id(), practiceId, task.clientId(), task.jobId(), task.type(),
                task.title(), task.status(), to, task.assigneeUserId(), task.extraContactUserId(), actor.userId(),
                actor.party(), filedIn, documents(practiceId, task.id()).size(), now, link(task.id())));
    }

    private void fileDocuments(UUID practiceId, Task task, Instant now) {
        record Unfiled(UUID id, String filename, String key) {
        }
        List<Unfiled> unfiled = jdbc.sql(practiceId, """
                select id, filename, storage_key from task_document
                where task_id = :taskId and practice_id = :practiceId and filed_at is null order by seq
                """).param("taskId", task.id()).query((rs, n) -> new Unfiled(rs.getObject("id", UUID.class),
                        rs.getString("filename"), rs.getString("storage_key"))).list();
        for (Unfiled document : unfiled) {
            String filedKey;
            try {
                filedKey = store.file(document.key(), practiceId, task.clientId(), task.folder(), document.id(),
                        document.filename());
            } catch (IOException e) {
                throw new UncheckedIOException("could not file document " + document.id(), e);
            }
            onRollback(() -> store.delete(filedKey));
            afterCommit(() -> store.delete(document.key()));
            jdbc.sql(practiceId, """
                    update task_document set storage_key = :key, filed_folder = :folder, filed_at = :now
                    where id = :id and practice_id = :practiceId
                    """).param("id", document.id()).param("key", filedKey).param("folder", task.folder())
                    .param("now", Timestamp.from(now)).update();
        }
    }

    private Task lockForClient(UUID practiceId, UUID clientId, UUID taskId) {
        Task task = row(practiceId, taskId, true);
        if (!task.clientId().equals(clientId)) {
            throw new NotFoundException("task", taskId);
        }
        return task;
    }

    private static void requireOpen(Task task) {
        if (task.status() != TaskStatus.OPEN && task.status() != TaskStatus.IN_PROGRESS) {
            throw new ConflictException("The task is " + task.status().name().toLowerCase() + ".");
        }
    }

    private static void requireType(Task task, TaskType type) {
        if (task.type() != type) {
            throw new ConflictException("This is not a " + type.name().toLowerCase().replace('_', ' ') + ".");
        }
    }

    private static byte[] head(Upload file) {
        try (InputStream in = file.content().open()) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded file", e);
        }
    }

    private static void onRollback(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private Task row(UUID practiceId, UUID taskId, boolean forUpdate) {
        return jdbc.sql(practiceId, "select * from work_task where id = :id and practice_id = :practiceId"
                        + (forUpdate ? " for update" : ""))
                .param("id", taskId).query((rs, n) -> task(practiceId, rs)).optional()
                .orElseThrow(() -> new NotFoundException("task", taskId));
    }

    private Task task(UUID practiceId, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Date due = rs.getDate("due_date");
        Timestamp connected = rs.getTimestamp("bank_connected_at");
        Timestamp submitted = rs.getTimestamp("secret_submitted_at");
        Timestamp completed = rs.getTimestamp("completed_at");
        TaskType type = TaskType.valueOf(rs.getString("type"));
        return new Task(id, rs.getObject("client_id", UUID.class), rs.getObject("job_id", UUID.class), type,
                TaskCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("description"),
                due == null ? null : due.toLocalDate(), TaskStatus.valueOf(rs.getString("status")),
                rs.getObject("assignee_user_id", UUID.class), rs.getObject("extra_contact_user_id", UUID.class),
                rs.getString("folder"),
                type == TaskType.BANK_FEED_CONNECTION_REQUEST
                        ? new Task.BankFeed(rs.getString("bank_name"), connected == null ? null : connected.toInstant())
                        : null,
                type == TaskType.CREDENTIAL_REQUEST
                        ? new Task.Credential(submitted != null, submitted == null ? null : submitted.toInstant())
                        : null,
                rs.getString("response_text"), documents(practiceId, id), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                completed == null ? null : completed.toInstant(), link(id));
    }

    private List<TaskDocument> documents(UUID practiceId, UUID taskId) {
        return jdbc.sql(practiceId, """
                select * from task_document where task_id = :taskId and practice_id = :practiceId order by seq
                """).param("taskId", taskId).query((rs, n) -> {
                    Timestamp filed = rs.getTimestamp("filed_at");
                    return new TaskDocument(rs.getObject("id", UUID.class), rs.getString("filename"),
                            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                            rs.getString("filed_folder"), rs.getObject("uploaded_by", UUID.class),
                            rs.getTimestamp("uploaded_at").toInstant(), filed == null ? null : filed.toInstant());
                }).list();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String excerpt(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }
}
