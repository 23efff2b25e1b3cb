package io.switchboard.register.correspondence;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.gmail.GmailEmailUnassigned;
import io.switchboard.contracts.register.CorrespondenceDeleted;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceRecorded;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.platform.security.TenantJdbc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emails filed from Gmail (FEATURES.md G1, G2): an assignment becomes an "email in" (or "email out") entry with
 * the entry id the assignment chose — the same message for the same client is one entry however often it is
 * assigned — and an unassignment deletes it. Both publish as any entry change does.
 */
@Service
public class FiledEmails {

    private static final Logger log = LoggerFactory.getLogger(FiledEmails.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantJdbc jdbc;
    private final ApplicationEventPublisher events;

    FiledEmails(TenantJdbc jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Files the email as an entry, or does nothing when it is filed already. */
    @Transactional
    public void file(GmailEmailAssigned email) {
        UUID practiceId = email.practiceId();
        Optional<String> client = jdbc.sql(practiceId, """
                select display_name from client where id = :id and practice_id = :practiceId
                """).param("id", email.clientId()).query(String.class).optional();
        if (client.isEmpty()) {
            // The client is not (or no longer) the practice's: there is nothing to file it under.
            log.warn("Email {} of practice {} was assigned to unknown client {}; not filed", email.gmailMessageId(),
                    practiceId, email.clientId());
            return;
        }
        CorrespondenceType type = email.direction() == EmailDirection.OUT ? CorrespondenceType.EMAIL_OUT
                : CorrespondenceType.EMAIL_IN;
        List<AttachmentLink> attachments = email.attachments().stream()
                .map(a -> new AttachmentLink(a.name(), a.link())).toList();
        FiledEmail filed = new FiledEmail(email.gmailMessageId(), email.gmailThreadId(), email.mailboxAddress(),
                email.direction(), email.from(), email.to(), email.cc(), email.filedBy());
        // A message unassigned earlier and assigned again comes back as the same entry.
        int changed = jdbc.sql(practiceId, """
                insert into correspondence_entry (id, practice_id, client_id, type, author_user_id, subject, body,
                                                  occurred_at, attachments, email)
                values (:id, :practiceId, :clientId, :type, :author, :subject, :body, :occurredAt,
                        cast(:attachments as jsonb), cast(:email as jsonb))
                on conflict (id) do update set deleted_at = null, deleted_by = null, author_user_id = excluded.author_user_id
                where correspondence_entry.practice_id = :practiceId and correspondence_entry.deleted_at is not null
                """)
                .param("id", email.entryId()).param("clientId", email.clientId()).param("type", type.name())
                .param("author", email.assignedBy()).param("subject", email.emailSubject())
                .param("body", email.bodyText()).param("occurredAt", Timestamp.from(email.sentAt()))
                .param("attachments", JSON.writeValueAsString(attachments))
                .param("email", JSON.writeValueAsString(filed))
                .update();
        if (changed == 0) {
            return;
        }
        events.publishEvent(new CorrespondenceRecorded(email.entryId(), practiceId, new CorrespondenceDetails(
                email.clientId(), client.get(), type, email.assignedBy(), null, email.emailSubject(),
                CorrespondenceDetails.excerpt(email.bodyText()), email.sentAt(), null, null, null), List.of()));
    }

    /** Deletes the entry an assignment made (G2), once. */
    @Transactional
    public void unfile(GmailEmailUnassigned email) {
        int deleted = jdbc.sql(email.practiceId(), """
                update correspondence_entry set deleted_at = :at, deleted_by = :by
                where id = :id and practice_id = :practiceId and deleted_at is null and email is not null
                """).param("id", email.entryId()).param("at", Timestamp.from(email.unassignedAt()))
                .param("by", email.unassignedBy()).update();
        if (deleted == 1) {
            events.publishEvent(new CorrespondenceDeleted(email.entryId(), email.practiceId(), email.unassignedBy(),
                    email.unassignedAt()));
        }
    }
}
