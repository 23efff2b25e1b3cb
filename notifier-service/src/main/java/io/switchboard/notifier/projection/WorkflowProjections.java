package io.switchboard.notifier.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.switchboard.contracts.workflow.JobCreated;
import io.switchboard.platform.security.TenantJdbc;

/**
 * What the workflow router remembers from the workflow events themselves: each job as {@link JobCreated} described
 * it (a later {@code JobMoved} names neither the client nor the job's creator) and the staff users who wrote in each
 * client thread (they hear about the client's replies). Written in the router's consumer transaction, so it follows
 * the events' order per job and per thread.
 */
@Component
public class WorkflowProjections {

    private final TenantJdbc jdbc;

    public WorkflowProjections(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @param title {@code null} when the job was created without one */
    public record Job(UUID jobId, UUID clientId, String clientName, String title, UUID createdBy) {
    }

    public void remember(JobCreated created) {
        jdbc.sql(created.practiceId(), """
                insert into workflow_job (job_id, practice_id, client_id, client_name, title, created_by, created_at)
                values (:jobId, :practiceId, :clientId, :clientName, :title, :createdBy, :createdAt)
                on conflict (job_id) do nothing
                """)
                .param("jobId", created.jobId())
                .param("clientId", created.clientId())
                .param("clientName", created.clientName())
                .param("title", created.title())
                .param("createdBy", created.createdBy())
                .param("createdAt", Timestamp.from(created.createdAt()))
                .update();
    }

    public Optional<Job> job(UUID practiceId, UUID jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        return jdbc.sql(practiceId, """
                select job_id, client_id, client_name, title, created_by from workflow_job
                where practice_id = :practiceId and job_id = :jobId
                """)
                .param("jobId", jobId)
                .query((rs, n) -> new Job(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class)))
                .optional();
    }

    /** The client's name as the latest job created for it gave it; empty when no job of the client was seen. */
    public Optional<String> clientName(UUID practiceId, UUID clientId) {
        return jdbc.sql(practiceId, """
                select client_name from workflow_job where practice_id = :practiceId and client_id = :clientId
                order by created_at desc limit 1
                """)
                .param("clientId", clientId)
                .query(String.class)
                .optional();
    }

    public void staffPosted(UUID practiceId, UUID threadId, UUID userId, Instant at) {
        jdbc.sql(practiceId, """
                insert into workflow_thread_staff (practice_id, thread_id, user_id, first_posted)
                values (:practiceId, :threadId, :userId, :at)
                on conflict do nothing
                """)
                .param("threadId", threadId)
                .param("userId", userId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Staff users who wrote in the thread, first writer first. */
    public List<UUID> threadStaff(UUID practiceId, UUID threadId) {
        return jdbc.sql(practiceId, """
                select user_id from workflow_thread_staff where practice_id = :practiceId and thread_id = :threadId
                order by first_posted, user_id
                """)
                .param("threadId", threadId)
                .query(UUID.class)
                .list();
    }
}
