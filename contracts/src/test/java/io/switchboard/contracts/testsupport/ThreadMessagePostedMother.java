package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.workflow.PortalRecipient;
import io.switchboard.contracts.workflow.ThreadMessagePosted;
import io.switchboard.contracts.workflow.ThreadParty;

/** Builds {@link ThreadMessagePosted} events. */
public final class ThreadMessagePostedMother {

    private UUID threadId = Ids.THREAD;
    private UUID practiceId = Ids.PRACTICE;
    private UUID clientId = Ids.CLIENT;
    private UUID jobId = Ids.JOB;
    private UUID messageId = Ids.MESSAGE;
    private String threadSubject = "Documents for your 2025 return";
    private String excerpt = "Hi Lisa, please upload the following documents.";
    private int todoCount = 2;
    private ThreadParty authorParty = ThreadParty.PRACTICE;
    private UUID authorUserId = Ids.SAM;
    private boolean automated = true;
    private Instant postedAt = Ids.RECORDED;
    private final List<PortalRecipient> recipients = new ArrayList<>(List.of(
            new PortalRecipient(Ids.PORTAL_USER, "lisa@acme.example", "Lisa Acme")));
    private String link = "https://app.switchboard.example/portal/threads/" + Ids.THREAD;

    private ThreadMessagePostedMother() {
    }

    /** A stage automation asked the client for documents, with two to-dos, linked to the job. */
    public static ThreadMessagePostedMother automatedRequestWithTodos() {
        return new ThreadMessagePostedMother();
    }

    /** A portal user's reply in a thread linked to no job: nobody to notify. */
    public static ThreadMessagePostedMother minimalClientReply() {
        ThreadMessagePostedMother mother = new ThreadMessagePostedMother();
        mother.jobId = null;
        mother.todoCount = 0;
        mother.authorParty = ThreadParty.CLIENT;
        mother.authorUserId = Ids.PORTAL_USER;
        mother.automated = false;
        mother.recipients.clear();
        return mother;
    }

    /** A staff message to a portal user whose name is unknown. */
    public static ThreadMessagePostedMother toRecipientWithoutName() {
        ThreadMessagePostedMother mother = new ThreadMessagePostedMother();
        mother.recipients.clear();
        mother.recipients.add(new PortalRecipient(Ids.PORTAL_USER, "lisa@acme.example", null));
        return mother;
    }

    public ThreadMessagePosted build() {
        return new ThreadMessagePosted(threadId, practiceId, clientId, jobId, messageId, threadSubject, excerpt,
                todoCount, authorParty, authorUserId, automated, postedAt, recipients, link);
    }
}
