package io.switchboard.workflow.pipelines.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.pipelines.NewPipeline;
import io.switchboard.workflow.pipelines.NewStage;
import io.switchboard.workflow.pipelines.Pipeline;
import io.switchboard.workflow.pipelines.PipelineRename;
import io.switchboard.workflow.pipelines.Pipelines;
import io.switchboard.workflow.pipelines.StageChanges;
import io.switchboard.workflow.pipelines.StageOrder;
import jakarta.validation.Valid;

/** Pipelines over HTTP: admins shape them, staff read them. */
@RestController
@PreAuthorize(WorkflowRoles.PRACTICE)
class PipelineController {

    private final Pipelines pipelines;

    PipelineController(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping("/pipelines")
    @Operation(summary = "The practice's pipelines with their stages in order")
    List<Pipeline> list() {
        return pipelines.list(practice());
    }

    @GetMapping("/pipelines/{id}")
    @Operation(summary = "A pipeline with its stages, automove switches and automations")
    Pipeline get(@PathVariable UUID id) {
        return pipelines.get(practice(), id);
    }

    @PostMapping("/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Create a pipeline with ordered stages (admins)",
            description = "A stage automation names an existing message template or creates one inline (newTemplate).")
    Pipeline create(@Valid @RequestBody NewPipeline pipeline) {
        return pipelines.create(practice(), pipeline);
    }

    @PutMapping("/pipelines/{id}")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Rename a pipeline (admins)")
    Pipeline rename(@PathVariable UUID id, @Valid @RequestBody PipelineRename rename) {
        return pipelines.rename(practice(), id, rename);
    }

    @PostMapping("/pipelines/{id}/stages")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Add a stage at a position, or at the end (admins)")
    Pipeline addStage(@PathVariable UUID id, @Valid @RequestBody NewStage stage) {
        return pipelines.addStage(practice(), id, stage);
    }

    @PutMapping("/pipelines/{id}/stages/{stageId}")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Rename a stage and set its automove and automation (admins)")
    Pipeline updateStage(@PathVariable UUID id, @PathVariable UUID stageId, @Valid @RequestBody StageChanges stage) {
        return pipelines.updateStage(practice(), id, stageId, stage);
    }

    @PutMapping("/pipelines/{id}/stage-order")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Reorder the stages: every stage id once, in the new order (admins)")
    Pipeline reorder(@PathVariable UUID id, @Valid @RequestBody StageOrder order) {
        return pipelines.reorder(practice(), id, order);
    }

    @DeleteMapping("/pipelines/{id}/stages/{stageId}")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Remove a stage that holds no job (admins); 409 while jobs are in it")
    Pipeline removeStage(@PathVariable UUID id, @PathVariable UUID stageId) {
        return pipelines.removeStage(practice(), id, stageId);
    }

    private static UUID practice() {
        return Tenant.current().practiceId();
    }
}
