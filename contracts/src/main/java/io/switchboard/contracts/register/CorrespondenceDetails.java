package io.switchboard.contracts.register;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * What a notification about an entry shows: carried by both the recorded and the shared event so
 * the notifier can build the message from the event alone, without calling the register back.
 *
 * @param clientId          the client the entry is filed against
 * @param clientDisplayName the client's name as shown in the register
 * @param entryType         phone message, meeting note, …
 * @param authorUserId      the staff user who wrote the entry
 * @param recipientUserId   the staff user the entry is for ("phone message for Sam"), may be {@code null}
 * @param entrySubject      the entry's subject line
 * @param summary           the start of the body, at most {@value #SUMMARY_MAX_LENGTH} characters; {@code null}
 *                          when the body is empty. Never the whole body: events are not the record of it.
 * @param occurredAt        when the call, meeting or email happened
 * @param callerName        who called (phone messages), may be {@code null}
 * @param callerPhone       the number to call back, may be {@code null}
 * @param bestTimeToCall    free text such as "after 3pm", may be {@code null}
 * @param emailText         the whole text of an {@code EMAIL_OUT} entry — the email its author wrote, which the
 *                          notifier sends (G4); {@code null} for every other type
 */
public record CorrespondenceDetails(UUID clientId, String clientDisplayName, CorrespondenceType entryType,
                                    UUID authorUserId, UUID recipientUserId, String entrySubject, String summary,
                                    Instant occurredAt, String callerName, String callerPhone,
                                    String bestTimeToCall, String emailText) {

    public static final int SUMMARY_MAX_LENGTH = 500;

    public CorrespondenceDetails {
        Require.present(clientId, "CorrespondenceDetails.clientId");
        Require.text(clientDisplayName, "CorrespondenceDetails.clientDisplayName");
        Require.present(entryType, "CorrespondenceDetails.entryType");
        Require.present(authorUserId, "CorrespondenceDetails.authorUserId");
        Require.text(entrySubject, "CorrespondenceDetails.entrySubject");
        Require.optionalText(summary, "CorrespondenceDetails.summary");
        Require.that(summary == null || summary.length() <= SUMMARY_MAX_LENGTH,
                "CorrespondenceDetails.summary is at most " + SUMMARY_MAX_LENGTH + " characters; use excerpt(body)");
        Require.present(occurredAt, "CorrespondenceDetails.occurredAt");
        Require.optionalText(callerName, "CorrespondenceDetails.callerName");
        Require.optionalText(callerPhone, "CorrespondenceDetails.callerPhone");
        Require.optionalText(bestTimeToCall, "CorrespondenceDetails.bestTimeToCall");
        Require.optionalText(emailText, "CorrespondenceDetails.emailText");
        Require.that(emailText == null || entryType == CorrespondenceType.EMAIL_OUT,
                "CorrespondenceDetails.emailText is only for EMAIL_OUT entries");
    }

    /** Details of an entry that is not an email to send ({@code emailText} is {@code null}). */
    public CorrespondenceDetails(UUID clientId, String clientDisplayName, CorrespondenceType entryType,
                                 UUID authorUserId, UUID recipientUserId, String entrySubject, String summary,
                                 Instant occurredAt, String callerName, String callerPhone, String bestTimeToCall) {
        this(clientId, clientDisplayName, entryType, authorUserId, recipientUserId, entrySubject, summary,
                occurredAt, callerName, callerPhone, bestTimeToCall, null);
    }

    /**
     * A summary for {@code body}: whitespace collapsed, cut to {@value #SUMMARY_MAX_LENGTH} characters
     * with an ellipsis, {@code null} for an empty body.
     */
    public static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.length() <= SUMMARY_MAX_LENGTH) {
            return flat;
        }
        return flat.substring(0, SUMMARY_MAX_LENGTH - 1).stripTrailing() + "…";
    }
}
