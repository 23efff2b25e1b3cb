package io.switchboard.gmail.assignments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

import com.google.api.services.gmail.model.Message;

import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.gmail.GmailAttachment;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.gmail.GmailEmailUnassigned;
import io.switchboard.gmail.access.GmailAccess;
import io.switchboard.gmail.access.GmailProperties;
import io.switchboard.gmail.clients.ClientDirectory;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.NotFoundException;

/**
 * Links between Gmail messages and clients (G1, G2). Each link is a register entry whose id is derived
 * from practice, message and client ({@link GmailEmailAssigned#entryIdFor}); filing and unfiling store
 * the link and record the event in one transaction (outbox). The Gmail fetch happens before that
 * transaction, so no database connection waits on Google.
 */
@Service
public class Assignments {

    /** One link of a message to a client, with the register entry it became. */
    public record Assignment(UUID clientId, String clientName, UUID entryId, String entryLink, UUID mailboxUserId,
                             EmailDirection direction, FiledBy filedBy, UUID assignedBy, Instant assignedAt) {
    }

    /** The result of filing: the link, and whether this call created it (false: it existed already). */
    public record Filed(Assignment assignment, boolean created) {
    }

    private final TenantJdbc jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final GmailAccess gmail;
    private final ClientDirectory directory;
    private final GmailProperties properties;
    private final Clock clock;
    private final String publicUrl;

    Assignments(TenantJdbc jdbc, TransactionTemplate tx, ApplicationEventPublisher events, GmailAccess gmail,
                ClientDirectory directory, GmailProperties properties, @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.gmail = gmail;
        this.directory = directory;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Files the message in the user's mailbox against the client (G1). The same message and client again
     * returns the existing link and publishes nothing; another client gets a link of its own.
     */
    public Filed assign(UUID practiceId, UUID userId, String messageId, UUID clientId) {
        gmail.requireUsable(practiceId, userId);
        requireClient(practiceId, clientId);
        Optional<Assignment> existing = find(practiceId, messageId, clientId);
        if (existing.isPresent()) {
            return new Filed(existing.get(), false);
        }
        ParsedEmail email = fetch(practiceId, userId, messageId);
        return file(practiceId, userId, email, clientId, EmailDirection.IN, FiledBy.USER, userId);
    }

    /** The message in the user's mailbox, fetched in full and parsed. */
    public ParsedEmail fetch(UUID practiceId, UUID userId, String messageId) {
        Message message = gmail.call(practiceId, userId,
                g -> g.users().messages().get("me", messageId).setFormat("full").execute());
        return MessageParser.parse(message);
    }

    /**
     * Stores the link and records {@link GmailEmailAssigned} in one transaction, unless the message is
     * filed against the client already. Used by the add-on, the compose helper (OUT) and sync (AUTO).
     */
    public Filed file(UUID practiceId, UUID mailboxUserId, ParsedEmail email, UUID clientId, EmailDirection direction,
                      FiledBy filedBy, UUID assignedBy) {
        String mailbox = gmail.token(practiceId, mailboxUserId).email();
        UUID entryId = GmailEmailAssigned.entryIdFor(practiceId, email.messageId(), clientId);
        Instant now = clock.instant();
        return tx.execute(status -> {
            int inserted = jdbc.sql(practiceId, """
                    insert into assignment (practice_id, gmail_message_id, client_id, entry_id, mailbox_user_id,
                        direction, filed_by, assigned_by, assigned_at, subject)
                    values (:practiceId, :messageId, :clientId, :entryId, :mailbox, :direction, :filedBy, :by, :at, :subject)
                    on conflict do nothing
                    """).param("messageId", email.messageId()).param("clientId", clientId).param("entryId", entryId)
                    .param("mailbox", mailboxUserId).param("direction", direction.name()).param("filedBy", filedBy.name())
                    .param("by", assignedBy).param("at", Timestamp.from(now)).param("subject", email.subject()).update();
            if (inserted == 0) {
                return new Filed(find(practiceId, email.messageId(), clientId).orElseThrow(), false);
            }
            EmailAddress from = email.from() != null ? email.from() : new EmailAddress(mailbox, null);
            events.publishEvent(new GmailEmailAssigned(entryId, practiceId, clientId, email.messageId(),
                    email.threadId(), mailboxUserId, mailbox, direction, from, email.to(), email.cc(),
                    email.subject(), email.sentAt(), email.bodyText(), links(mailboxUserId, email), filedBy,
                    assignedBy, now));
            return new Filed(find(practiceId, email.messageId(), clientId).orElseThrow(), true);
        });
    }

    /** Removes the link (G2) and records {@link GmailEmailUnassigned}; the register deletes the entry. */
    public void unassign(UUID practiceId, UUID userId, String messageId, UUID clientId) {
        gmail.requireUsable(practiceId, userId);
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            List<UUID> removed = jdbc.sql(practiceId, """
                    delete from assignment where practice_id = :practiceId and gmail_message_id = :messageId
                    and client_id = :clientId returning entry_id
                    """).param("messageId", messageId).param("clientId", clientId).query(UUID.class).list();
            if (removed.isEmpty()) {
                throw new NotFoundException("assignment of message " + messageId + " to client", clientId);
            }
            events.publishEvent(new GmailEmailUnassigned(removed.get(0), practiceId, clientId, messageId, userId, now));
        });
    }

    /**
     * The register deleted the entry: the link goes too. Nothing is published, since the register
     * already knows (no event loop).
     */
    public void entryDeleted(UUID practiceId, UUID entryId) {
        jdbc.sql(practiceId, "delete from assignment where practice_id = :practiceId and entry_id = :entryId")
                .param("entryId", entryId).update();
    }

    /** The message's links in the caller's practice. */
    public List<Assignment> of(UUID practiceId, String messageId) {
        return jdbc.sql(practiceId, """
                select a.client_id, c.display_name, a.entry_id, a.mailbox_user_id, a.direction, a.filed_by,
                    a.assigned_by, a.assigned_at
                from assignment a left join client_view c on c.practice_id = a.practice_id and c.client_id = a.client_id
                where a.practice_id = :practiceId and a.gmail_message_id = :messageId order by a.assigned_at
                """).param("messageId", messageId).query((rs, i) -> assignment(rs)).list();
    }

    /** Whether any staff of the practice filed this message from this mailbox (so its attachments are shared). */
    public boolean isFiledFrom(UUID practiceId, UUID mailboxUserId, String messageId) {
        return jdbc.sql(practiceId, """
                select count(*) from assignment where practice_id = :practiceId and mailbox_user_id = :mailbox
                and gmail_message_id = :messageId
                """).param("mailbox", mailboxUserId).param("messageId", messageId).query(Long.class).single() > 0;
    }

    public Optional<Assignment> find(UUID practiceId, String messageId, UUID clientId) {
        return jdbc.sql(practiceId, """
                select a.client_id, c.display_name, a.entry_id, a.mailbox_user_id, a.direction, a.filed_by,
                    a.assigned_by, a.assigned_at
                from assignment a left join client_view c on c.practice_id = a.practice_id and c.client_id = a.client_id
                where a.practice_id = :practiceId and a.gmail_message_id = :messageId and a.client_id = :clientId
                """).param("messageId", messageId).param("clientId", clientId).query((rs, i) -> assignment(rs)).optional();
    }

    /** The link the app opens for an entry. */
    public String entryLink(UUID entryId) {
        return publicUrl + "/register/entries/" + entryId;
    }

    public void requireClient(UUID practiceId, UUID clientId) {
        if (directory.client(practiceId, clientId).isEmpty()) {
            throw InvalidRequestException.field("clientId", "is not an active client of the practice");
        }
    }

    private List<GmailAttachment> links(UUID mailboxUserId, ParsedEmail email) {
        return email.attachments().stream().map(a -> new GmailAttachment(a.attachmentId(), a.name(), a.contentType(),
                a.size(), properties.attachmentBaseUrl() + "/mailboxes/" + mailboxUserId + "/messages/"
                + UriUtils.encodePathSegment(email.messageId(), java.nio.charset.StandardCharsets.UTF_8)
                + "/attachments/" + UriUtils.encodePathSegment(a.attachmentId(), java.nio.charset.StandardCharsets.UTF_8)))
                .toList();
    }

    private Assignment assignment(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID entryId = rs.getObject(3, UUID.class);
        return new Assignment(rs.getObject(1, UUID.class), rs.getString(2), entryId, entryLink(entryId),
                rs.getObject(4, UUID.class), EmailDirection.valueOf(rs.getString(5)), FiledBy.valueOf(rs.getString(6)),
                rs.getObject(7, UUID.class), rs.getTimestamp(8).toInstant());
    }
}
