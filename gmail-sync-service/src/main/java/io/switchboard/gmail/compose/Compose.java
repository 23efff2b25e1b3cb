package io.switchboard.gmail.compose;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import com.google.api.services.gmail.model.Message;

import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.gmail.access.GmailAccess;
import io.switchboard.gmail.access.GmailReason;
import io.switchboard.gmail.access.GmailUnavailableException;
import io.switchboard.gmail.access.UserToken;
import io.switchboard.gmail.assignments.Assignments;
import io.switchboard.gmail.assignments.HtmlText;
import io.switchboard.gmail.assignments.ParsedEmail;
import io.switchboard.gmail.clients.ClientDirectory;
import io.switchboard.platform.web.InvalidRequestException;

/**
 * The compose helper (G3) and sending from the register (G4): the client's contacts and the register's
 * templates for the panel, and sending through the user's own Gmail (so the mail is in their Sent
 * items), filed against the client as an "email out" entry when asked.
 */
@Service
public class Compose {

    /** An attachment link to include (templates carry links to the document store, never files). */
    public record Link(String name, String url) {
    }

    /** What to send. */
    public record Outgoing(List<String> to, List<String> cc, String subject, String html, String text, UUID clientId,
                           boolean fileInRegister, List<Link> attachments) {
    }

    /** What was sent, and the register entry when it was filed. */
    public record Sent(String gmailMessageId, String gmailThreadId, String from, Assignments.Assignment filed) {
    }

    private final GmailAccess gmail;
    private final Assignments assignments;
    private final ClientDirectory directory;

    Compose(GmailAccess gmail, Assignments assignments, ClientDirectory directory) {
        this.gmail = gmail;
        this.assignments = assignments;
        this.directory = directory;
    }

    public Sent send(UUID practiceId, UUID userId, Outgoing outgoing) {
        if (outgoing.fileInRegister() && outgoing.clientId() == null) {
            throw InvalidRequestException.field("clientId", "is required to file the email in the register");
        }
        gmail.requireUsable(practiceId, userId);
        if (outgoing.clientId() != null) {
            assignments.requireClient(practiceId, outgoing.clientId());
        }
        UserToken token = gmail.token(practiceId, userId);
        if (!token.allows(UserToken.SEND)) {
            throw new GmailUnavailableException(GmailReason.GMAIL_SCOPE_MISSING);
        }
        String html = withLinksHtml(outgoing.html(), outgoing.attachments());
        String text = withLinksText(outgoing.text() == null || outgoing.text().isBlank()
                ? HtmlText.toText(outgoing.html()) : outgoing.text(), outgoing.attachments());
        byte[] raw = MimeMessages.alternative(token.email(), outgoing.to(), outgoing.cc(), outgoing.subject(), text, html);
        Message sent = gmail.call(practiceId, userId, g -> g.users().messages()
                .send("me", new Message().setRaw(Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).execute());
        Assignments.Assignment filed = null;
        if (outgoing.fileInRegister()) {
            ParsedEmail email = new ParsedEmail(sent.getId(), sent.getThreadId() == null ? sent.getId() : sent.getThreadId(),
                    new EmailAddress(token.email(), null), addresses(outgoing.to()), addresses(outgoing.cc()),
                    GmailEmailAssigned.subjectLine(outgoing.subject()), Instant.now(), GmailEmailAssigned.bodyText(text),
                    List.of());
            filed = assignments.file(practiceId, userId, email, outgoing.clientId(), EmailDirection.OUT, FiledBy.USER,
                    userId).assignment();
        }
        return new Sent(sent.getId(), sent.getThreadId(), token.email(), filed);
    }

    public ClientDirectory.ClientView client(UUID practiceId, UUID clientId) {
        return directory.client(practiceId, clientId)
                .orElseThrow(() -> InvalidRequestException.field("clientId", "is not an active client of the practice"));
    }

    public List<ClientDirectory.ContactView> contacts(UUID practiceId, UUID clientId) {
        return directory.contacts(practiceId, clientId);
    }

    private static List<EmailAddress> addresses(List<String> values) {
        List<EmailAddress> result = new ArrayList<>();
        values.forEach(v -> result.add(new EmailAddress(v.strip(), null)));
        return result;
    }

    private static String withLinksHtml(String html, List<Link> links) {
        if (links.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html).append("<p>Attachments:</p><ul>");
        for (Link link : links) {
            out.append("<li><a href=\"").append(HtmlUtils.htmlEscape(link.url(), StandardCharsets.UTF_8.name()))
                    .append("\">").append(HtmlUtils.htmlEscape(link.name(), StandardCharsets.UTF_8.name()))
                    .append("</a></li>");
        }
        return out.append("</ul>").toString();
    }

    private static String withLinksText(String text, List<Link> links) {
        if (links.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text).append("\n\nAttachments:");
        links.forEach(link -> out.append("\n- ").append(link.name()).append(": ").append(link.url()));
        return out.toString();
    }
}
