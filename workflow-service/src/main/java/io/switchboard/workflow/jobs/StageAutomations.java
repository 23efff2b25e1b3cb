package io.switchboard.workflow.jobs;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.workflow.pipelines.AutomationMode;
import io.switchboard.workflow.pipelines.Stage;
import io.switchboard.workflow.templates.MessageTemplate;
import io.switchboard.workflow.templates.MessageTemplates;
import io.switchboard.workflow.threads.Threads;

/**
 * Runs a stage's "send message on entering" automation (FEATURES.md W2) for a job that just entered
 * it, in the transaction of the move: the template's message and to-dos go into a new thread or the
 * job's latest one, and the thread is linked to the job.
 */
@Component
class StageAutomations {

    private final MessageTemplates templates;
    private final Threads threads;

    StageAutomations(MessageTemplates templates, Threads threads) {
        this.templates = templates;
        this.threads = threads;
    }

    /**
     * @param actor the user whose action made the job enter the stage; an automated message is posted
     *              for the practice on their behalf
     */
    void entered(UUID practiceId, UUID jobId, UUID clientId, Stage stage, UUID actor) {
        if (stage.automation() == null) {
            return;
        }
        MessageTemplate template = templates.get(practiceId, stage.automation().templateId());
        UUID threadId = stage.automation().mode() == AutomationMode.REPLY_TO_LATEST
                ? threads.latestLinkedTo(practiceId, jobId).orElse(null) : null;
        if (threadId == null) {
            threadId = threads.open(practiceId, clientId, template.subject(), actor);
        }
        threads.link(practiceId, threadId, jobId, true, actor);
        threads.post(practiceId, threadId, new Threads.Author(actor, ThreadParty.PRACTICE, true), template.body(),
                template.todos());
    }
}
