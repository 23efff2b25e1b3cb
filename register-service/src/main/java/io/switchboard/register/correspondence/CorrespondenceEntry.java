package io.switchboard.register.correspondence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.ProblemDetailsAdvice.FieldProblem;

/**
 * A correspondence entry (FEATURES.md R2): the rules an entry must keep whatever the caller sends.
 */
public record CorrespondenceEntry(UUID id, UUID practiceId, UUID clientId, CorrespondenceType type, UUID authorUserId,
                                  UUID recipientUserId, String subject, String body, Instant occurredAt,
                                  List<AttachmentLink> attachments, String callerName, String callerPhone,
                                  String bestTimeToCall) {

    /** Entries may be logged a little ahead of the clock (a meeting note typed in the meeting), not days ahead. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    public CorrespondenceEntry {
        attachments = List.copyOf(attachments);
    }

    /** A new entry by {@code authorUserId}; refuses a phone message nobody can return. */
    public static CorrespondenceEntry record(NewEntry request, UUID practiceId, UUID authorUserId, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String callerName = trimmed(request.callerName());
        String callerPhone = trimmed(request.callerPhone());
        if (request.type() == CorrespondenceType.PHONE_MESSAGE && callerName == null && callerPhone == null) {
            problems.add(new FieldProblem("callerName", "a phone message needs the caller's name or number"));
            problems.add(new FieldProblem("callerPhone", "a phone message needs the caller's name or number"));
        }
        Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt();
        if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            problems.add(new FieldProblem("occurredAt", "must not be more than a day in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The request has invalid fields.", problems);
        }
        return new CorrespondenceEntry(UUID.randomUUID(), practiceId, request.clientId(), request.type(), authorUserId,
                request.recipientUserId(), request.subject().strip(), trimmed(request.body()), occurredAt,
                request.attachments() == null ? List.of() : request.attachments(), callerName, callerPhone,
                trimmed(request.bestTimeToCall()));
    }

    /** The share targets asked for, checked against the contract's rules; {@code field} names the list in errors. */
    public static List<ShareTarget> targets(List<ShareTargetRequest> requests, String field) {
        if (requests == null) {
            return List.of();
        }
        List<ShareTarget> targets = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                targets.add(requests.get(i).toTarget());
            } catch (IllegalArgumentException invalid) {
                problems.add(new FieldProblem(field + "[" + i + "]", invalid.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The request has invalid share targets.", problems);
        }
        return List.copyOf(targets);
    }

    /**
     * What a notification about this new entry shows; an email to send ({@code EMAIL_OUT}) carries its whole
     * text, which the notifier sends as the email (G4).
     */
    public CorrespondenceDetails details(String clientDisplayName) {
        return details(clientId, clientDisplayName, type, authorUserId, recipientUserId, subject, body, occurredAt,
                callerName, callerPhone, bestTimeToCall);
    }

    /**
     * The one place an entry's notification details are made, for the recorded event and for later shares alike: the
     * body as an excerpt, and for an email to send ({@code EMAIL_OUT}) also whole (G4).
     */
    static CorrespondenceDetails details(UUID clientId, String clientDisplayName, CorrespondenceType type,
                                         UUID authorUserId, UUID recipientUserId, String subject, String body,
                                         Instant occurredAt, String callerName, String callerPhone,
                                         String bestTimeToCall) {
        return new CorrespondenceDetails(clientId, clientDisplayName, type, authorUserId, recipientUserId, subject,
                CorrespondenceDetails.excerpt(body), occurredAt, callerName, callerPhone, bestTimeToCall,
                type == CorrespondenceType.EMAIL_OUT && body != null && !body.isBlank() ? body : null);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
