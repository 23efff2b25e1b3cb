package io.switchboard.workflow.pipelines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.NotFoundException;
import io.switchboard.workflow.templates.MessageTemplates;

/**
 * Pipelines and their ordered stages (FEATURES.md W1) with each stage's automove switch and
 * "send message on entering" automation (W2). Every change to a pipeline's stages runs under the
 * pipeline's row lock, so concurrent edits cannot interleave positions.
 */
@Service
public class Pipelines {

    private final TenantJdbc jdbc;
    private final MessageTemplates templates;

    Pipelines(TenantJdbc jdbc, MessageTemplates templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    @Transactional
    public Pipeline create(UUID practiceId, NewPipeline request) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql(practiceId, "insert into pipeline (id, practice_id, name) values (:id, :practiceId, :name)")
                    .param("id", id).param("name", request.name().strip()).update();
        } catch (DuplicateKeyException taken) {
            throw duplicate(request.name());
        }
        for (int i = 0; i < request.stages().size(); i++) {
            insertStage(practiceId, id, request.stages().get(i), i, "stages[" + i + "]");
        }
        return get(practiceId, id);
    }

    @Transactional(readOnly = true)
    public List<Pipeline> list(UUID practiceId) {
        List<UUID> ids = jdbc.sql(practiceId, "select id from pipeline where practice_id = :practiceId order by name, id")
                .query(UUID.class).list();
        return ids.stream().map(id -> get(practiceId, id)).toList();
    }

    @Transactional(readOnly = true)
    public Pipeline get(UUID practiceId, UUID id) {
        Pipeline pipeline = jdbc.sql(practiceId, "select * from pipeline where id = :id and practice_id = :practiceId")
                .param("id", id)
                .query((rs, n) -> new Pipeline(id, rs.getString("name"), List.of(),
                        rs.getTimestamp("created_at").toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("pipeline", id));
        return new Pipeline(id, pipeline.name(), stages(practiceId, id), pipeline.createdAt());
    }

    @Transactional
    public Pipeline rename(UUID practiceId, UUID id, PipelineRename request) {
        try {
            if (jdbc.sql(practiceId, "update pipeline set name = :name where id = :id and practice_id = :practiceId")
                    .param("id", id).param("name", request.name().strip()).update() == 0) {
                throw new NotFoundException("pipeline", id);
            }
        } catch (DuplicateKeyException taken) {
            throw duplicate(request.name());
        }
        return get(practiceId, id);
    }

    @Transactional
    public Pipeline addStage(UUID practiceId, UUID pipelineId, NewStage request) {
        lock(practiceId, pipelineId);
        int count = stages(practiceId, pipelineId).size();
        int position = request.position() == null ? count : Math.min(request.position(), count);
        jdbc.sql(practiceId, """
                update stage set position = position + 1
                where pipeline_id = :pipelineId and practice_id = :practiceId and position >= :position
                """).param("pipelineId", pipelineId).param("position", position).update();
        insertStage(practiceId, pipelineId, request.stage(), position, "stage");
        return get(practiceId, pipelineId);
    }

    /** Renames a stage and sets its automove and automation. */
    @Transactional
    public Pipeline updateStage(UUID practiceId, UUID pipelineId, UUID stageId, StageChanges changes) {
        lock(practiceId, pipelineId);
        Automation automation = automation(practiceId, changes.automation(), "automation");
        int updated = jdbc.sql(practiceId, """
                update stage set name = :name, automove = :automove, automation_template_id = :templateId,
                                 automation_mode = :mode
                where id = :id and pipeline_id = :pipelineId and practice_id = :practiceId
                """)
                .param("id", stageId).param("pipelineId", pipelineId).param("name", changes.name().strip())
                .param("automove", changes.automove()).param("templateId", automation.templateId())
                .param("mode", automation.mode()).update();
        if (updated == 0) {
            throw new NotFoundException("stage", stageId);
        }
        return get(practiceId, pipelineId);
    }

    @Transactional
    public Pipeline reorder(UUID practiceId, UUID pipelineId, StageOrder order) {
        lock(practiceId, pipelineId);
        List<UUID> current = stages(practiceId, pipelineId).stream().map(Stage::id).toList();
        if (order.stageIds().size() != current.size() || !new HashSet<>(order.stageIds()).equals(new HashSet<>(current))) {
            throw InvalidRequestException.field("stageIds", "must list every stage of the pipeline exactly once");
        }
        for (int i = 0; i < order.stageIds().size(); i++) {
            jdbc.sql(practiceId, "update stage set position = :position where id = :id and practice_id = :practiceId")
                    .param("id", order.stageIds().get(i)).param("position", i).update();
        }
        return get(practiceId, pipelineId);
    }

    /** Removes a stage that holds no job; a pipeline keeps at least one stage. */
    @Transactional
    public Pipeline removeStage(UUID practiceId, UUID pipelineId, UUID stageId) {
        lock(practiceId, pipelineId);
        List<Stage> stages = stages(practiceId, pipelineId);
        Stage stage = stages.stream().filter(s -> s.id().equals(stageId)).findFirst()
                .orElseThrow(() -> new NotFoundException("stage", stageId));
        if (stages.size() == 1) {
            throw new ConflictException("A pipeline keeps at least one stage.");
        }
        try {
            jdbc.sql(practiceId, "delete from stage where id = :id and practice_id = :practiceId")
                    .param("id", stageId).update();
        } catch (DataIntegrityViolationException hasJobs) {
            // job.stage_id references the stage: the database is the one place that cannot miss a job.
            throw new ConflictException("Stage \"" + stage.name() + "\" still has jobs; move them first.",
                    Map.of("stageId", stageId));
        }
        jdbc.sql(practiceId, """
                update stage set position = position - 1
                where pipeline_id = :pipelineId and practice_id = :practiceId and position > :position
                """).param("pipelineId", pipelineId).param("position", stage.position()).update();
        return get(practiceId, pipelineId);
    }

    @Transactional(readOnly = true)
    public Optional<Stage> stage(UUID practiceId, UUID stageId) {
        return jdbc.sql(practiceId, STAGE_SELECT + " where s.id = :id and s.practice_id = :practiceId")
                .param("id", stageId).query((rs, n) -> stage(rs)).optional();
    }

    /** The stage after {@code stage} in its pipeline, if any. */
    @Transactional(readOnly = true)
    public Optional<Stage> next(UUID practiceId, Stage stage) {
        return jdbc.sql(practiceId, STAGE_SELECT + """
                 where s.pipeline_id = :pipelineId and s.practice_id = :practiceId and s.position > :position
                 order by s.position limit 1
                """).param("pipelineId", stage.pipelineId()).param("position", stage.position())
                .query((rs, n) -> stage(rs)).optional();
    }

    private List<Stage> stages(UUID practiceId, UUID pipelineId) {
        return jdbc.sql(practiceId, STAGE_SELECT + " where s.pipeline_id = :pipelineId and s.practice_id = :practiceId order by s.position")
                .param("pipelineId", pipelineId).query((rs, n) -> stage(rs)).list();
    }

    private void lock(UUID practiceId, UUID pipelineId) {
        jdbc.sql(practiceId, "select id from pipeline where id = :id and practice_id = :practiceId for update")
                .param("id", pipelineId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
    }

    private void insertStage(UUID practiceId, UUID pipelineId, StageChanges changes, int position, String field) {
        Automation automation = automation(practiceId, changes.automation(), field + ".automation");
        jdbc.sql(practiceId, """
                insert into stage (id, practice_id, pipeline_id, name, position, automove, automation_template_id,
                                   automation_mode)
                values (:id, :practiceId, :pipelineId, :name, :position, :automove, :templateId, :mode)
                """)
                .param("id", UUID.randomUUID()).param("pipelineId", pipelineId).param("name", changes.name().strip())
                .param("position", position).param("automove", changes.automove())
                .param("templateId", automation.templateId()).param("mode", automation.mode()).update();
    }

    /** The template an automation sends: an existing one of this practice, or one created now. */
    private Automation automation(UUID practiceId, AutomationChanges changes, String field) {
        if (changes == null) {
            return new Automation(null, null);
        }
        if ((changes.templateId() == null) == (changes.newTemplate() == null)) {
            throw InvalidRequestException.field(field + ".templateId",
                    "give either templateId or newTemplate: a message automation always sends a template");
        }
        UUID templateId = changes.templateId() != null
                ? templates.find(practiceId, changes.templateId()).orElseThrow(() -> InvalidRequestException.field(
                        field + ".templateId", "is not a message template of this practice")).id()
                : templates.create(practiceId, changes.newTemplate()).id();
        return new Automation(templateId, changes.mode().name());
    }

    private record Automation(UUID templateId, String mode) {
    }

    private static final String STAGE_SELECT = """
            select s.*, t.name as template_name from stage s
            left join message_template t on t.id = s.automation_template_id
            """;

    private static Stage stage(ResultSet rs) throws SQLException {
        UUID templateId = rs.getObject("automation_template_id", UUID.class);
        StageAutomation automation = templateId == null ? null
                : new StageAutomation(templateId, rs.getString("template_name"),
                        AutomationMode.valueOf(rs.getString("automation_mode")));
        return new Stage(rs.getObject("id", UUID.class), rs.getObject("pipeline_id", UUID.class), rs.getString("name"),
                rs.getInt("position"), rs.getBoolean("automove"), automation);
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("A pipeline named \"" + name.strip() + "\" already exists.", Map.of("field", "name"));
    }
}
