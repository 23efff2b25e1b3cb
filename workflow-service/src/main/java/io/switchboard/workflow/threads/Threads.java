package io.switchboard.workflow.threads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.workflow.PortalRecipient;
import io.switchboard.contracts.workflow.ThreadMessagePosted;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.NotFoundException;
import io.switchboard.workflow.clients.Clients;

/**
 * Client chat threads (FEATURES.md W3): messages with optional to-do items, check-offs by the
 * client's portal users, and the links between threads and jobs. Every message is published as
 * {@code switchboard.workflow.thread.message.posted.v1} with the portal users to notify.
 *
 * <p>Jobs are opaque ids here: this feature records which threads a job is linked to and tells
 * listeners about check-offs; what a job does about them is the jobs feature's business.
 */
@Service
public class Threads {

    private static final int EXCERPT = 280;

    private final TenantJdbc jdbc;
    private final Clients clients;
    private final PortalUsers portalUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final String publicUrl;

    Threads(TenantJdbc jdbc, Clients clients, PortalUsers portalUsers, ApplicationEventPublisher events,
            @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.portalUsers = portalUsers;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Who writes a message: a staff or portal user, or an automation acting on a user's action. */
    public record Author(UUID userId, ThreadParty party, boolean automated) {
    }

    /** Opens a thread with the client; its first message follows with {@link #post}. */
    @Transactional
    public UUID open(UUID practiceId, UUID clientId, String subject, UUID createdBy) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(practiceId, """
                insert into chat_thread (id, practice_id, client_id, subject, created_by, created_at, last_message_at)
                values (:id, :practiceId, :clientId, :subject, :createdBy, :now, :now)
                """).param("id", id).param("clientId", clientId).param("subject", subject.strip())
                .param("createdBy", createdBy).param("now", now).update();
        return id;
    }

    /** Opens a thread with an active client of the practice and posts its first message, as a staff user. */
    @Transactional
    public ChatThread start(UUID practiceId, NewThread request, UUID staffUserId) {
        clients.requireActive(practiceId, request.clientId());
        UUID id = open(practiceId, request.clientId(), request.subject(), staffUserId);
        post(practiceId, id, new Author(staffUserId, ThreadParty.PRACTICE, false), request.body(), request.todos());
        return get(practiceId, id);
    }

    /**
     * Posts a message, adds its to-dos to the thread's list and publishes it with the recipients: the
     * client's portal users when the practice writes, nobody when a portal user does.
     */
    @Transactional
    public UUID post(UUID practiceId, UUID threadId, Author author, String body, List<String> todos) {
        ThreadSummary thread = summary(practiceId, threadId);
        if (author.party() == ThreadParty.CLIENT && todos != null && !todos.isEmpty()) {
            throw InvalidRequestException.field("todos", "only the practice gives to-dos");
        }
        Instant now = clock.instant();
        UUID messageId = UUID.randomUUID();
        jdbc.sql(practiceId, """
                insert into thread_message (id, practice_id, thread_id, author_user_id, author_party, body, automated, posted_at)
                values (:id, :practiceId, :threadId, :author, :party, :body, :automated, :now)
                """).param("id", messageId).param("threadId", threadId).param("author", author.userId())
                .param("party", author.party().name()).param("body", body).param("automated", author.automated())
                .param("now", Timestamp.from(now)).update();
        List<String> items = todos == null ? List.of() : todos.stream().map(String::strip).toList();
        for (String item : items) {
            jdbc.sql(practiceId, """
                    insert into todo_item (id, practice_id, thread_id, message_id, text)
                    values (:id, :practiceId, :threadId, :messageId, :text)
                    """).param("id", UUID.randomUUID()).param("threadId", threadId).param("messageId", messageId)
                    .param("text", item).update();
        }
        jdbc.sql(practiceId, "update chat_thread set last_message_at = :now where id = :id and practice_id = :practiceId")
                .param("id", threadId).param("now", Timestamp.from(now)).update();
        List<PortalRecipient> recipients = author.party() == ThreadParty.CLIENT ? List.of()
                : portalUsers.ofClient(practiceId, thread.clientId()).stream()
                        .map(user -> new PortalRecipient(user.userId(), user.email(), user.displayName())).toList();
        UUID jobId = jobsLinkedTo(practiceId, threadId).stream().findFirst().orElse(null);
        events.publishEvent(new ThreadMessagePosted(threadId, practiceId, thread.clientId(), jobId, messageId,
                thread.subject(), excerpt(body), items.size(), author.party(), author.userId(), author.automated(), now,
                recipients, portalLink(threadId)));
        return messageId;
    }

    @Transactional(readOnly = true)
    public ChatThread get(UUID practiceId, UUID threadId) {
        ThreadSummary thread = summary(practiceId, threadId);
        Instant createdAt = jdbc.sql(practiceId, "select created_at from chat_thread where id = :id and practice_id = :practiceId")
                .param("id", threadId).query(Timestamp.class).single().toInstant();
        List<ThreadMessage> messages = jdbc.sql(practiceId, """
                select * from thread_message where thread_id = :id and practice_id = :practiceId order by seq
                """).param("id", threadId).query((rs, n) -> new ThreadMessage(rs.getObject("id", UUID.class),
                        rs.getObject("author_user_id", UUID.class), ThreadParty.valueOf(rs.getString("author_party")),
                        rs.getString("body"), rs.getBoolean("automated"), rs.getTimestamp("posted_at").toInstant()))
                .list();
        return new ChatThread(threadId, thread.clientId(), thread.subject(), createdAt, thread.lastMessageAt(),
                jobsLinkedTo(practiceId, threadId), messages, todos(practiceId, List.of(threadId)));
    }

    /** The thread if it is with {@code clientId}; another client's thread is reported as missing. */
    @Transactional(readOnly = true)
    public ChatThread getForClient(UUID practiceId, UUID clientId, UUID threadId) {
        ChatThread thread = get(practiceId, threadId);
        if (!thread.clientId().equals(clientId)) {
            throw new NotFoundException("thread", threadId);
        }
        return thread;
    }

    @Transactional(readOnly = true)
    public ThreadSummary summary(UUID practiceId, UUID threadId) {
        return jdbc.sql(practiceId, SUMMARY + " where t.id = :id and t.practice_id = :practiceId")
                .param("id", threadId).query((rs, n) -> summary(rs)).optional()
                .orElseThrow(() -> new NotFoundException("thread", threadId));
    }

    /** A client's threads, most recently active first. */
    @Transactional(readOnly = true)
    public List<ThreadSummary> ofClient(UUID practiceId, UUID clientId) {
        return jdbc.sql(practiceId, SUMMARY + """
                 where t.practice_id = :practiceId and t.client_id = :clientId order by t.last_message_at desc, t.id
                """).param("clientId", clientId).query((rs, n) -> summary(rs)).list();
    }

    /**
     * Checks off a to-do of the client's thread for the calling portal user. Checking an item already
     * done changes nothing; a cancelled item cannot be checked.
     */
    @Transactional
    public TodoItem checkOff(UUID practiceId, UUID clientId, UUID threadId, UUID todoId, UUID userId) {
        if (!summary(practiceId, threadId).clientId().equals(clientId)) {
            throw new NotFoundException("thread", threadId);
        }
        events.publishEvent(new TodoCheckOffStarting(practiceId, threadId));
        int checked = jdbc.sql(practiceId, """
                update todo_item set status = 'DONE', done_by = :userId, done_at = :now
                where id = :id and thread_id = :threadId and practice_id = :practiceId and status = 'OPEN'
                """).param("id", todoId).param("threadId", threadId).param("userId", userId)
                .param("now", Timestamp.from(clock.instant())).update();
        TodoItem item = todos(practiceId, List.of(threadId)).stream().filter(t -> t.id().equals(todoId)).findFirst()
                .orElseThrow(() -> new NotFoundException("to-do", todoId));
        if (item.status() == TodoStatus.CANCELLED) {
            throw new ConflictException("The practice cancelled this to-do.");
        }
        if (checked == 1) {
            events.publishEvent(new TodoCheckedOff(practiceId, threadId, todoId, userId));
        }
        return item;
    }

    /** The to-do items of the threads, in the order they were given. */
    @Transactional(readOnly = true)
    public List<TodoItem> todos(UUID practiceId, Collection<UUID> threadIds) {
        if (threadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(practiceId, """
                select * from todo_item where thread_id = any(:threads) and practice_id = :practiceId order by seq
                """).param("threads", threadIds.toArray(UUID[]::new)).query((rs, n) -> todo(rs)).list();
    }

    /** Cancels every open to-do of the threads: they no longer count as open. */
    @Transactional
    public int cancelOpen(UUID practiceId, Collection<UUID> threadIds) {
        if (threadIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql(practiceId, """
                update todo_item set status = 'CANCELLED'
                where thread_id = any(:threads) and practice_id = :practiceId and status = 'OPEN'
                """).param("threads", threadIds.toArray(UUID[]::new)).update();
    }

    /** Links the thread to the job; linking twice changes nothing. */
    @Transactional
    public void link(UUID practiceId, UUID threadId, UUID jobId, boolean automatic, UUID linkedBy) {
        summary(practiceId, threadId);
        jdbc.sql(practiceId, """
                insert into thread_link (practice_id, thread_id, job_id, automatic, linked_by, linked_at)
                values (:practiceId, :threadId, :jobId, :automatic, :linkedBy, :now)
                on conflict (thread_id, job_id) do nothing
                """).param("threadId", threadId).param("jobId", jobId).param("automatic", automatic)
                .param("linkedBy", linkedBy).param("now", Timestamp.from(clock.instant())).update();
    }

    @Transactional
    public void unlink(UUID practiceId, UUID jobId, Collection<UUID> threadIds) {
        if (threadIds.isEmpty()) {
            return;
        }
        jdbc.sql(practiceId, """
                delete from thread_link where job_id = :jobId and thread_id = any(:threads) and practice_id = :practiceId
                """).param("jobId", jobId).param("threads", threadIds.toArray(UUID[]::new)).update();
    }

    /** The threads linked to the job, in the order they were linked. */
    @Transactional(readOnly = true)
    public List<UUID> linkedTo(UUID practiceId, UUID jobId) {
        return jdbc.sql(practiceId, "select thread_id from thread_link where job_id = :jobId and practice_id = :practiceId order by seq")
                .param("jobId", jobId).query(UUID.class).list();
    }

    /** The job's linked thread with the most recent message, for "reply to latest". */
    @Transactional(readOnly = true)
    public Optional<UUID> latestLinkedTo(UUID practiceId, UUID jobId) {
        return jdbc.sql(practiceId, """
                select t.id from thread_link l join chat_thread t on t.id = l.thread_id
                where l.job_id = :jobId and l.practice_id = :practiceId
                order by t.last_message_at desc, l.seq desc limit 1
                """).param("jobId", jobId).query(UUID.class).optional();
    }

    @Transactional(readOnly = true)
    public List<UUID> jobsLinkedTo(UUID practiceId, UUID threadId) {
        return jdbc.sql(practiceId, "select job_id from thread_link where thread_id = :threadId and practice_id = :practiceId order by seq")
                .param("threadId", threadId).query(UUID.class).list();
    }

    public String portalLink(UUID threadId) {
        return publicUrl + "/portal/threads/" + threadId;
    }

    private static final String SUMMARY = """
            select t.id, t.client_id, t.subject, t.last_message_at,
                   (select count(*) from todo_item i where i.thread_id = t.id and i.status = 'OPEN') as open_todos,
                   (select count(*) from todo_item i where i.thread_id = t.id and i.status = 'DONE') as done_todos
            from chat_thread t
            """;

    private static ThreadSummary summary(ResultSet rs) throws SQLException {
        return new ThreadSummary(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getString("subject"), rs.getTimestamp("last_message_at").toInstant(), rs.getInt("open_todos"),
                rs.getInt("done_todos"));
    }

    private static TodoItem todo(ResultSet rs) throws SQLException {
        Timestamp doneAt = rs.getTimestamp("done_at");
        return new TodoItem(rs.getObject("id", UUID.class), rs.getObject("thread_id", UUID.class),
                rs.getObject("message_id", UUID.class), rs.getString("text"), TodoStatus.valueOf(rs.getString("status")),
                rs.getObject("done_by", UUID.class), doneAt == null ? null : doneAt.toInstant());
    }

    private static String excerpt(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }
}
