package io.switchboard.notifier.routing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceType;

/** The essentials of a correspondence entry and the Record Summary link, for every channel. */
final class CorrespondenceMessages {

    static final String LINK_LABEL = "Record Summary";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private CorrespondenceMessages() {
    }

    static MessageContent content(String publicUrl, UUID entryId, CorrespondenceDetails entry, String loggedBy) {
        String title = label(entry.entryType()) + ": " + entry.clientDisplayName();
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", entry.clientDisplayName()));
        fields.add(new MessageField("Subject", entry.entrySubject()));
        if (entry.entryType() == CorrespondenceType.PHONE_MESSAGE) {
            if (entry.callerName() != null) {
                fields.add(new MessageField("Caller", entry.callerName()));
            }
            if (entry.callerPhone() != null) {
                fields.add(new MessageField("Number", entry.callerPhone()));
            }
            if (entry.bestTimeToCall() != null) {
                fields.add(new MessageField("Best time to call", entry.bestTimeToCall()));
            }
        }
        fields.add(new MessageField("Logged by", loggedBy));
        fields.add(new MessageField("When", WHEN.format(entry.occurredAt())));
        String link = publicUrl.replaceAll("/+$", "") + "/register/entries/" + entryId;
        return new MessageContent(title, entry.summary(), fields, link, LINK_LABEL);
    }

    /**
     * An EMAIL_OUT entry's own email (G4): what its author wrote — the subject as the title, the text — and nothing
     * internal (no fields, no link into the app: the recipient is usually the client). The register entry is the
     * record of it.
     */
    static MessageContent authoredEmail(CorrespondenceDetails entry) {
        // The whole text the author wrote; events from before emailText existed carry only the 500-character summary.
        String text = entry.emailText() != null ? entry.emailText() : entry.summary();
        return new MessageContent(entry.entrySubject(), text, List.of(), null, null);
    }

    /**
     * A post about an entry once it was actioned: what it said, without its buttons, and a line saying who actioned it
     * and when ("Actioned by Sam Lee · 23 Nov 2026 10:02 UTC (via Slack)"), first so no length limit cuts it off.
     */
    static MessageContent actioned(MessageContent original, String actionedBy, Instant at, ActionedVia via) {
        String line = "Actioned by " + actionedBy + " · " + WHEN.format(at)
                + (via == ActionedVia.SLACK ? " (via Slack)" : " (in the app)");
        String text = original.text() == null ? line : line + "\n\n" + original.text();
        return new MessageContent(original.title(), text, original.fields(), original.linkUrl(), original.linkLabel());
    }

    static String emailSubject(CorrespondenceDetails entry) {
        return label(entry.entryType()) + " – " + entry.clientDisplayName() + ": " + entry.entrySubject();
    }

    static String label(CorrespondenceType type) {
        return switch (type) {
            case PHONE_MESSAGE -> "Phone message";
            case MEETING_NOTE -> "Meeting note";
            case FILE_NOTE -> "File note";
            case EMAIL_IN -> "Email received";
            case EMAIL_OUT -> "Email sent";
        };
    }
}
