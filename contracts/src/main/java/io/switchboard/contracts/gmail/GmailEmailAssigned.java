package io.switchboard.contracts.gmail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A Gmail message was filed against a client (G1, G3/G4 when sent and filed, G5 when auto-filed).
 * The register records an "email in" (direction {@code IN}) or "email out" ({@code OUT}) entry
 * with id {@link #entryId()}; since that id is derived from the practice, message and client
 * ({@link #entryIdFor}), a redelivered event, or the same message filed twice to the same client,
 * lands on the same entry.
 *
 * @param entryId        the register entry: {@link #entryIdFor}(practiceId, gmailMessageId, clientId)
 * @param practiceId     the tenant
 * @param clientId       the client it is filed against
 * @param gmailMessageId Gmail's message id in the mailbox
 * @param gmailThreadId  Gmail's thread id in the mailbox
 * @param mailboxUserId  the staff user whose mailbox holds the message
 * @param mailboxAddress that mailbox's Gmail address
 * @param direction      received or sent
 * @param from           the sender
 * @param to             the To recipients, never {@code null}
 * @param cc             the Cc recipients, never {@code null}
 * @param emailSubject   the subject line, at most {@value #SUBJECT_MAX_LENGTH} characters ({@link #subjectLine})
 * @param sentAt         when it was sent (the Date header, else Gmail's internal date)
 * @param bodyText       the body as plain text (HTML converted to safe text), at most
 *                       {@value #BODY_MAX_LENGTH} characters; may be empty
 * @param attachments    its attachments with download links, never {@code null}
 * @param filedBy        a user, or the auto-file rule
 * @param assignedBy     the staff user who filed it; for {@code AUTO} the mailbox owner whose rule filed it
 * @param assignedAt     when it was filed
 */
public record GmailEmailAssigned(UUID entryId, UUID practiceId, UUID clientId, String gmailMessageId,
                                 String gmailThreadId, UUID mailboxUserId, String mailboxAddress,
                                 EmailDirection direction, EmailAddress from, List<EmailAddress> to,
                                 List<EmailAddress> cc, String emailSubject, Instant sentAt, String bodyText,
                                 List<GmailAttachment> attachments, FiledBy filedBy, UUID assignedBy,
                                 Instant assignedAt) implements EventData {

    public static final int SUBJECT_MAX_LENGTH = 200;
    public static final int BODY_MAX_LENGTH = 50_000;
    /** The subject an email without one is filed under. */
    public static final String NO_SUBJECT = "(no subject)";

    private static final String ELLIPSIS = "…";

    public GmailEmailAssigned {
        Require.present(entryId, "GmailEmailAssigned.entryId");
        Require.present(practiceId, "GmailEmailAssigned.practiceId");
        Require.present(clientId, "GmailEmailAssigned.clientId");
        Require.text(gmailMessageId, "GmailEmailAssigned.gmailMessageId");
        Require.text(gmailThreadId, "GmailEmailAssigned.gmailThreadId");
        Require.present(mailboxUserId, "GmailEmailAssigned.mailboxUserId");
        Require.text(mailboxAddress, "GmailEmailAssigned.mailboxAddress");
        Require.that(mailboxAddress.indexOf('@') > 0,
                "GmailEmailAssigned.mailboxAddress is not an address: " + mailboxAddress);
        Require.present(direction, "GmailEmailAssigned.direction");
        Require.present(from, "GmailEmailAssigned.from");
        to = Require.list(to, "GmailEmailAssigned.to");
        cc = Require.list(cc, "GmailEmailAssigned.cc");
        Require.text(emailSubject, "GmailEmailAssigned.emailSubject");
        Require.that(emailSubject.length() <= SUBJECT_MAX_LENGTH,
                "GmailEmailAssigned.emailSubject must be at most " + SUBJECT_MAX_LENGTH + " characters");
        Require.present(sentAt, "GmailEmailAssigned.sentAt");
        Require.present(bodyText, "GmailEmailAssigned.bodyText");
        Require.that(bodyText.length() <= BODY_MAX_LENGTH,
                "GmailEmailAssigned.bodyText must be at most " + BODY_MAX_LENGTH + " characters");
        attachments = Require.list(attachments, "GmailEmailAssigned.attachments");
        Require.present(filedBy, "GmailEmailAssigned.filedBy");
        Require.present(assignedBy, "GmailEmailAssigned.assignedBy");
        Require.present(assignedAt, "GmailEmailAssigned.assignedAt");
        Require.that(entryId.equals(entryIdFor(practiceId, gmailMessageId, clientId)),
                "GmailEmailAssigned.entryId must be entryIdFor(practiceId, gmailMessageId, clientId)");
    }

    /**
     * The register entry of {@code gmailMessageId} filed against {@code clientId}: a name-based
     * (version 3) UUID of {@code "switchboard:gmail:<practiceId>:<gmailMessageId>:<clientId>"}, so the
     * register and gmail-sync-service agree on it without asking each other.
     */
    public static UUID entryIdFor(UUID practiceId, String gmailMessageId, UUID clientId) {
        Require.present(practiceId, "practiceId");
        Require.text(gmailMessageId, "gmailMessageId");
        Require.present(clientId, "clientId");
        String name = "switchboard:gmail:" + practiceId + ":" + gmailMessageId + ":" + clientId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The Kafka key of every event about one message in one practice. */
    public static String subjectFor(UUID practiceId, String gmailMessageId) {
        return practiceId + ":" + gmailMessageId;
    }

    /**
     * {@code raw} as a subject: whitespace collapsed, {@link #NO_SUBJECT} when blank, cut to
     * {@value #SUBJECT_MAX_LENGTH} characters ending in "…" when longer.
     */
    public static String subjectLine(String raw) {
        String collapsed = raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
        if (collapsed.isEmpty()) {
            return NO_SUBJECT;
        }
        return cut(collapsed, SUBJECT_MAX_LENGTH);
    }

    /** {@code text} cut to {@value #BODY_MAX_LENGTH} characters ending in "…" when longer; {@code ""} for null. */
    public static String bodyText(String text) {
        return text == null ? "" : cut(text, BODY_MAX_LENGTH);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    @Override
    public String subject() {
        return subjectFor(practiceId, gmailMessageId);
    }
}
