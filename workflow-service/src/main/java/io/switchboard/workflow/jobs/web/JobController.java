package io.switchboard.workflow.jobs.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.jobs.Job;
import io.switchboard.workflow.jobs.JobMove;
import io.switchboard.workflow.jobs.Jobs;
import io.switchboard.workflow.jobs.LinkThread;
import io.switchboard.workflow.jobs.MoveRequest;
import io.switchboard.workflow.jobs.NewJob;
import jakarta.validation.Valid;

/** Jobs over HTTP, for the practice's staff and admins. */
@RestController
@PreAuthorize(WorkflowRoles.PRACTICE)
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a job for a client in a pipeline's first stage",
            description = "Publishes switchboard.workflow.job.created.v1 and runs the first stage's automation.")
    Job create(@Valid @RequestBody NewJob job) {
        Tenant tenant = Tenant.current();
        return jobs.create(tenant.practiceId(), job, tenant.userId());
    }

    @GetMapping("/jobs")
    @Operation(summary = "The jobs of a pipeline")
    List<Job> list(@RequestParam(name = "pipelineId") UUID pipelineId) {
        return jobs.inPipeline(Tenant.current().practiceId(), pipelineId);
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job with its stage, linked threads and open to-dos")
    Job get(@PathVariable UUID id) {
        return jobs.get(Tenant.current().practiceId(), id);
    }

    @GetMapping("/jobs/{id}/moves")
    @Operation(summary = "A job's moves, oldest first: who, from, to, why")
    List<JobMove> history(@PathVariable UUID id) {
        return jobs.history(Tenant.current().practiceId(), id);
    }

    @PostMapping("/jobs/{id}/moves")
    @Operation(summary = "Move a job by hand to another stage of its pipeline",
            description = "Refused with 409 and the open items listed while linked to-dos are open, unless the "
                    + "request carries a decision: KEEP_OPEN, CANCEL or MOVE_ALONG. Publishes "
                    + "switchboard.workflow.job.moved.v1 and runs the entered stage's automation.")
    Job move(@PathVariable UUID id, @Valid @RequestBody MoveRequest move) {
        Tenant tenant = Tenant.current();
        return jobs.move(tenant.practiceId(), id, move, tenant.userId());
    }

    @PostMapping("/jobs/{id}/threads")
    @Operation(summary = "Link an existing thread of the job's client to the job by hand")
    Job link(@PathVariable UUID id, @Valid @RequestBody LinkThread link) {
        Tenant tenant = Tenant.current();
        return jobs.link(tenant.practiceId(), id, link, tenant.userId());
    }
}
