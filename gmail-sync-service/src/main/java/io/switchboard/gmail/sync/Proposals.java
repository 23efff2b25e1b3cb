package io.switchboard.gmail.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.switchboard.gmail.assignments.Assignments;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.NotFoundException;

/** New mail from a known client contact, proposed to the mailbox owner for filing (G5). */
@Component
public class Proposals {

    /** One proposal: file this message against this client? */
    public record Proposal(UUID id, String gmailMessageId, UUID clientId, String clientName, String fromAddress,
                           String subject, Instant receivedAt, String status) {
    }

    private final TenantJdbc jdbc;
    private final Assignments assignments;

    Proposals(TenantJdbc jdbc, Assignments assignments) {
        this.jdbc = jdbc;
        this.assignments = assignments;
    }

    /** Proposes the message once per client; a message proposed before is left as it is. */
    void propose(UUID practiceId, UUID mailboxUserId, String messageId, UUID clientId, String from, String subject,
                 Instant receivedAt) {
        jdbc.sql(practiceId, """
                insert into proposal (id, practice_id, mailbox_user_id, gmail_message_id, client_id, from_address,
                    subject, received_at, status, created_at)
                values (:id, :practiceId, :mailbox, :messageId, :clientId, :from, :subject, :received, 'OPEN', :now)
                on conflict do nothing
                """).param("id", UUID.randomUUID()).param("mailbox", mailboxUserId).param("messageId", messageId)
                .param("clientId", clientId).param("from", from).param("subject", subject)
                .param("received", Timestamp.from(receivedAt)).param("now", Timestamp.from(Instant.now())).update();
    }

    /** The caller's open proposals, newest mail first. */
    public List<Proposal> open(UUID practiceId, UUID mailboxUserId) {
        return jdbc.sql(practiceId, """
                select p.id, p.gmail_message_id, p.client_id, c.display_name, p.from_address, p.subject, p.received_at,
                    p.status
                from proposal p left join client_view c on c.practice_id = p.practice_id and c.client_id = p.client_id
                where p.practice_id = :practiceId and p.mailbox_user_id = :mailbox and p.status = 'OPEN'
                order by p.received_at desc, p.created_at desc
                """).param("mailbox", mailboxUserId).query((rs, i) -> new Proposal(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8))).list();
    }

    /** Files the proposed message against the proposed client as the caller, and closes the proposal. */
    public Assignments.Filed accept(UUID practiceId, UUID userId, UUID proposalId) {
        Proposal proposal = openProposal(practiceId, userId, proposalId);
        Assignments.Filed filed = assignments.assign(practiceId, userId, proposal.gmailMessageId(), proposal.clientId());
        decide(practiceId, userId, proposalId, "ACCEPTED");
        return filed;
    }

    public void dismiss(UUID practiceId, UUID userId, UUID proposalId) {
        openProposal(practiceId, userId, proposalId);
        decide(practiceId, userId, proposalId, "DISMISSED");
    }

    private Proposal openProposal(UUID practiceId, UUID userId, UUID proposalId) {
        return open(practiceId, userId).stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("proposal", proposalId));
    }

    private void decide(UUID practiceId, UUID userId, UUID proposalId, String status) {
        jdbc.sql(practiceId, """
                update proposal set status = :status, decided_by = :by, decided_at = :at
                where practice_id = :practiceId and id = :id and mailbox_user_id = :by
                """).param("status", status).param("by", userId).param("at", Timestamp.from(Instant.now()))
                .param("id", proposalId).update();
    }
}
