package io.switchboard.contracts.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A message was posted in a client chat thread (FEATURES.md W2, W3). Carries what the notifier needs
 * to route an email notice without calling back: the client's portal users when the practice wrote,
 * none when a portal user wrote (the practice reads it in the app).
 *
 * @param threadId       the thread; the event subject
 * @param practiceId     the tenant
 * @param clientId       the client the thread is with
 * @param jobId          the job the thread is linked to (the first, if several); {@code null} when none
 * @param messageId      the message
 * @param threadSubject  the thread's subject
 * @param excerpt        the start of the message text
 * @param todoCount      how many to-do items the message added
 * @param authorParty    practice or client
 * @param authorUserId   the staff or portal user who wrote it; for an automation, the user whose action triggered it
 * @param automated      whether a stage automation posted it
 * @param postedAt       when
 * @param recipients     the portal users to notify; empty when nobody needs a notice
 * @param link           where the client's portal opens the thread
 */
public record ThreadMessagePosted(UUID threadId, UUID practiceId, UUID clientId, UUID jobId, UUID messageId,
                                  String threadSubject, String excerpt, int todoCount, ThreadParty authorParty,
                                  UUID authorUserId, boolean automated, Instant postedAt,
                                  List<PortalRecipient> recipients, String link) implements EventData {

    public ThreadMessagePosted {
        Require.present(threadId, "ThreadMessagePosted.threadId");
        Require.present(practiceId, "ThreadMessagePosted.practiceId");
        Require.present(clientId, "ThreadMessagePosted.clientId");
        Require.present(messageId, "ThreadMessagePosted.messageId");
        Require.text(threadSubject, "ThreadMessagePosted.threadSubject");
        Require.text(excerpt, "ThreadMessagePosted.excerpt");
        Require.that(todoCount >= 0, "ThreadMessagePosted.todoCount must not be negative");
        Require.present(authorParty, "ThreadMessagePosted.authorParty");
        Require.present(authorUserId, "ThreadMessagePosted.authorUserId");
        Require.present(postedAt, "ThreadMessagePosted.postedAt");
        recipients = Require.list(recipients, "ThreadMessagePosted.recipients");
        Require.text(link, "ThreadMessagePosted.link");
    }

    @Override
    public String subject() {
        return threadId.toString();
    }
}
