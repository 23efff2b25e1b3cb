package io.switchboard.workflow.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.workflow.JobCreated;
import io.switchboard.contracts.workflow.JobMoved;
import io.switchboard.contracts.workflow.MoveReason;
import io.switchboard.contracts.workflow.OpenItemsDecision;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.NotFoundException;
import io.switchboard.workflow.clients.Clients;
import io.switchboard.workflow.pipelines.Pipeline;
import io.switchboard.workflow.pipelines.Pipelines;
import io.switchboard.workflow.pipelines.Stage;
import io.switchboard.workflow.threads.ThreadSummary;
import io.switchboard.workflow.threads.Threads;
import io.switchboard.workflow.threads.TodoCheckOffStarting;
import io.switchboard.workflow.threads.TodoCheckedOff;
import io.switchboard.workflow.threads.TodoItem;
import io.switchboard.workflow.threads.TodoStatus;

/**
 * Jobs and their moves through a pipeline (FEATURES.md W1, W4, W5). Every move is published as
 * {@code switchboard.workflow.job.moved.v1} and runs the entered stage's automation.
 *
 * <p>Concurrency: every change to a job holds the job's row lock ({@code select … for update}) and
 * takes it before touching any to-do, and the stage change itself is conditional on the stage the
 * job was in; so two last check-offs at once evaluate one after the other and move the job once.
 */
@Service
public class Jobs {

    private final TenantJdbc jdbc;
    private final Clients clients;
    private final Pipelines pipelines;
    private final Threads threads;
    private final StageAutomations automations;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final String publicUrl;

    Jobs(TenantJdbc jdbc, Clients clients, Pipelines pipelines, Threads threads, StageAutomations automations,
         ApplicationEventPublisher events, @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.pipelines = pipelines;
        this.threads = threads;
        this.automations = automations;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Creates a job for an active client of the practice in the pipeline's first stage and runs that stage's automation. */
    @Transactional
    public Job create(UUID practiceId, NewJob request, UUID createdBy) {
        clients.requireActive(practiceId, request.clientId());
        Pipeline pipeline = pipelines.get(practiceId, request.pipelineId());
        Stage first = pipeline.stages().get(0);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String title = request.title() == null || request.title().isBlank() ? null : request.title().strip();
        jdbc.sql(practiceId, """
                insert into job (id, practice_id, pipeline_id, stage_id, client_id, client_name, title, created_by,
                                 created_at, stage_since)
                values (:id, :practiceId, :pipelineId, :stageId, :clientId, :clientName, :title, :createdBy, :now, :now)
                """).param("id", id).param("pipelineId", pipeline.id()).param("stageId", first.id())
                .param("clientId", request.clientId()).param("clientName", request.clientName().strip())
                .param("title", title).param("createdBy", createdBy).param("now", Timestamp.from(now)).update();
        events.publishEvent(new JobCreated(id, practiceId, pipeline.id(), first.id(), first.name(), request.clientId(),
                request.clientName().strip(), title, createdBy, now, link(id)));
        automations.entered(practiceId, id, request.clientId(), first, createdBy);
        return get(practiceId, id);
    }

    @Transactional(readOnly = true)
    public Job get(UUID practiceId, UUID jobId) {
        Row row = row(practiceId, jobId, false);
        List<UUID> threadIds = threads.linkedTo(practiceId, jobId);
        List<TodoItem> open = threads.todos(practiceId, threadIds).stream()
                .filter(t -> t.status() == TodoStatus.OPEN).toList();
        return new Job(jobId, row.pipelineId(), row.stageId(), row.stageName(), row.clientId(), row.clientName(),
                row.title(), row.createdBy(), row.createdAt(), row.stageSince(), threadIds, open, link(jobId));
    }

    /** The jobs of a pipeline, oldest first. */
    @Transactional(readOnly = true)
    public List<Job> inPipeline(UUID practiceId, UUID pipelineId) {
        pipelines.get(practiceId, pipelineId);
        return jdbc.sql(practiceId, "select id from job where pipeline_id = :pipelineId and practice_id = :practiceId order by created_at, id")
                .param("pipelineId", pipelineId).query(UUID.class).list().stream().map(id -> get(practiceId, id)).toList();
    }

    @Transactional(readOnly = true)
    public List<JobMove> history(UUID practiceId, UUID jobId) {
        row(practiceId, jobId, false);
        return jdbc.sql(practiceId, "select * from job_move where job_id = :jobId and practice_id = :practiceId order by moved_at, id")
                .param("jobId", jobId).query((rs, n) -> new JobMove(rs.getObject("id", UUID.class),
                        rs.getObject("from_stage_id", UUID.class), rs.getObject("to_stage_id", UUID.class),
                        MoveReason.valueOf(rs.getString("reason")),
                        rs.getString("decision") == null ? null : OpenItemsDecision.valueOf(rs.getString("decision")),
                        rs.getObject("moved_by", UUID.class), rs.getTimestamp("moved_at").toInstant())).list();
    }

    /**
     * Moves a job by hand. While to-dos of its linked threads are open the move needs a decision:
     * without one it is refused with the open items listed.
     */
    @Transactional
    public Job move(UUID practiceId, UUID jobId, MoveRequest request, UUID userId) {
        Row job = row(practiceId, jobId, true);
        Stage to = pipelines.stage(practiceId, request.toStageId())
                .filter(stage -> stage.pipelineId().equals(job.pipelineId()))
                .orElseThrow(() -> InvalidRequestException.field("toStageId", "is not a stage of the job's pipeline"));
        if (to.id().equals(job.stageId())) {
            throw InvalidRequestException.field("toStageId", "is the job's current stage");
        }
        List<UUID> threadIds = threads.linkedTo(practiceId, jobId);
        List<TodoItem> open = threads.todos(practiceId, threadIds).stream()
                .filter(t -> t.status() == TodoStatus.OPEN).toList();
        OpenItemsDecision decision = open.isEmpty() ? null : request.decision();
        if (!open.isEmpty() && decision == null) {
            throw new ConflictException("The job's linked threads have " + open.size()
                    + " open to-do(s); say whether to KEEP_OPEN, CANCEL or MOVE_ALONG them.",
                    Map.of("openItems", open.stream().map(t -> new OpenItem(t.id(), t.threadId(), t.text())).toList(),
                            "decisions", List.of(OpenItemsDecision.values())));
        }
        if (decision == OpenItemsDecision.CANCEL) {
            threads.cancelOpen(practiceId, open.stream().map(TodoItem::threadId).distinct().toList());
        } else if (decision == OpenItemsDecision.KEEP_OPEN) {
            // The items stay with the client, but no longer with this job: they must not hold up its next stage.
            threads.unlink(practiceId, jobId, open.stream().map(TodoItem::threadId).distinct().toList());
        }
        Stage from = pipelines.stage(practiceId, job.stageId()).orElseThrow();
        moveLocked(practiceId, job, from, to, MoveReason.MANUAL, decision, userId);
        return get(practiceId, jobId);
    }

    /** Links a thread of the job's client to the job by hand; its to-dos then count for automove. */
    @Transactional
    public Job link(UUID practiceId, UUID jobId, LinkThread request, UUID userId) {
        Row job = row(practiceId, jobId, true);
        ThreadSummary thread;
        try {
            thread = threads.summary(practiceId, request.threadId());
        } catch (NotFoundException missing) {
            throw InvalidRequestException.field("threadId", "is not a thread of this practice");
        }
        if (!thread.clientId().equals(job.clientId())) {
            throw InvalidRequestException.field("threadId", "is a thread with another client");
        }
        threads.link(practiceId, request.threadId(), jobId, false, userId);
        return get(practiceId, jobId);
    }

    /** Takes the row locks of the jobs linked to a thread before one of its to-dos changes (see class comment). */
    @EventListener
    void lockLinkedJobs(TodoCheckOffStarting starting) {
        List<UUID> jobIds = threads.jobsLinkedTo(starting.practiceId(), starting.threadId());
        if (!jobIds.isEmpty()) {
            jdbc.sql(starting.practiceId(), """
                    select id from job where id = any(:ids) and practice_id = :practiceId order by id for update
                    """).param("ids", jobIds.toArray(UUID[]::new)).query(UUID.class).list();
        }
    }

    /**
     * Automove (W4): a job in an automove stage goes to the next stage once every to-do of every linked
     * thread is done. Threads without to-dos do not count; cancelled items are not open.
     */
    @EventListener
    void automove(TodoCheckedOff checked) {
        UUID practiceId = checked.practiceId();
        for (UUID jobId : threads.jobsLinkedTo(practiceId, checked.threadId())) {
            Row job = row(practiceId, jobId, true);
            Stage stage = pipelines.stage(practiceId, job.stageId()).orElseThrow();
            if (!stage.automove()) {
                continue;
            }
            List<TodoItem> todos = threads.todos(practiceId, threads.linkedTo(practiceId, jobId));
            boolean allDone = todos.stream().noneMatch(t -> t.status() == TodoStatus.OPEN)
                    && todos.stream().anyMatch(t -> t.status() == TodoStatus.DONE);
            if (allDone) {
                pipelines.next(practiceId, stage).ifPresent(next ->
                        moveLocked(practiceId, job, stage, next, MoveReason.AUTOMOVE, null, checked.userId()));
            }
        }
    }

    private void moveLocked(UUID practiceId, Row job, Stage from, Stage to, MoveReason reason,
                            OpenItemsDecision decision, UUID movedBy) {
        Instant now = clock.instant();
        int moved = jdbc.sql(practiceId, """
                update job set stage_id = :to, stage_since = :now
                where id = :id and practice_id = :practiceId and stage_id = :from
                """).param("id", job.id()).param("from", from.id()).param("to", to.id())
                .param("now", Timestamp.from(now)).update();
        if (moved == 0) {
            throw new ConflictException("The job moved meanwhile; reload it and try again.");
        }
        jdbc.sql(practiceId, """
                insert into job_move (id, practice_id, job_id, from_stage_id, to_stage_id, reason, decision, moved_by, moved_at)
                values (:id, :practiceId, :jobId, :from, :to, :reason, :decision, :movedBy, :now)
                """).param("id", UUID.randomUUID()).param("jobId", job.id()).param("from", from.id())
                .param("to", to.id()).param("reason", reason.name())
                .param("decision", decision == null ? null : decision.name()).param("movedBy", movedBy)
                .param("now", Timestamp.from(now)).update();
        events.publishEvent(new JobMoved(job.id(), practiceId, job.pipelineId(), job.clientId(), from.id(), from.name(),
                to.id(), to.name(), reason, movedBy, decision, now, link(job.id())));
        automations.entered(practiceId, job.id(), job.clientId(), to, movedBy);
    }

    private Row row(UUID practiceId, UUID jobId, boolean forUpdate) {
        return jdbc.sql(practiceId, """
                select j.*, s.name as stage_name from job j join stage s on s.id = j.stage_id
                where j.id = :id and j.practice_id = :practiceId
                """ + (forUpdate ? " for update of j" : ""))
                .param("id", jobId)
                .query((rs, n) -> new Row(jobId, rs.getObject("pipeline_id", UUID.class),
                        rs.getObject("stage_id", UUID.class), rs.getString("stage_name"),
                        rs.getObject("client_id", UUID.class), rs.getString("client_name"), rs.getString("title"),
                        rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("stage_since").toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("job", jobId));
    }

    private String link(UUID jobId) {
        return publicUrl + "/workflow/jobs/" + jobId;
    }

    private record Row(UUID id, UUID pipelineId, UUID stageId, String stageName, UUID clientId, String clientName,
                       String title, UUID createdBy, Instant createdAt, Instant stageSince) {
    }
}
