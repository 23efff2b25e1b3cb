package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.gmail.GmailAttachment;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.gmail.GmailEmailUnassigned;

/** Builds {@link GmailEmailAssigned} and {@link GmailEmailUnassigned} events. */
public final class GmailEmailMother {

    public static final String MESSAGE_ID = "18c2f4a9b7e3d001";
    public static final String THREAD_ID = "18c2f4a9b7e3d000";
    public static final Instant SENT = Instant.parse("2026-03-02T08:15:00Z");

    private UUID practiceId = Ids.PRACTICE;
    private UUID clientId = Ids.CLIENT;
    private String gmailMessageId = MESSAGE_ID;
    private EmailDirection direction = EmailDirection.IN;
    private EmailAddress from = new EmailAddress("jo@acme.example.com", "Jo Citizen");
    private List<EmailAddress> to = List.of(new EmailAddress("sam@harbour.example", "Sam Lee"));
    private List<EmailAddress> cc = List.of(new EmailAddress("books@acme.example.com", null));
    private String emailSubject = "BAS for the March quarter";
    private String bodyText = "Hi Sam,\nattached are the statements.\nJo";
    private List<GmailAttachment> attachments = List.of(new GmailAttachment("ANGjdJ8", "statements.pdf",
            "application/pdf", 48213, "https://gmail.switchboard.example/mailboxes/" + Ids.SAM + "/messages/"
            + MESSAGE_ID + "/attachments/ANGjdJ8"));
    private FiledBy filedBy = FiledBy.USER;
    private UUID assignedBy = Ids.SAM;

    private GmailEmailMother() {
    }

    /** Jo from Acme writing to Sam with a PDF attached, filed by Sam from the add-on. */
    public static GmailEmailMother receivedFromClient() {
        return new GmailEmailMother();
    }

    /** A mail Sam sent with no subject, no recipients besides the one To, no attachment, auto-filed. */
    public static GmailEmailMother minimal() {
        return new GmailEmailMother()
                .direction(EmailDirection.OUT)
                .from(new EmailAddress("sam@harbour.example", null))
                .to(List.of(new EmailAddress("jo@acme.example.com", null)))
                .cc(List.of())
                .emailSubject(GmailEmailAssigned.NO_SUBJECT)
                .bodyText("")
                .attachments(List.of())
                .filedBy(FiledBy.AUTO);
    }

    public GmailEmailMother clientId(UUID value) {
        this.clientId = value;
        return this;
    }

    public GmailEmailMother direction(EmailDirection value) {
        this.direction = value;
        return this;
    }

    public GmailEmailMother from(EmailAddress value) {
        this.from = value;
        return this;
    }

    public GmailEmailMother to(List<EmailAddress> value) {
        this.to = value;
        return this;
    }

    public GmailEmailMother cc(List<EmailAddress> value) {
        this.cc = value;
        return this;
    }

    public GmailEmailMother emailSubject(String value) {
        this.emailSubject = value;
        return this;
    }

    public GmailEmailMother bodyText(String value) {
        this.bodyText = value;
        return this;
    }

    public GmailEmailMother attachments(List<GmailAttachment> value) {
        this.attachments = value;
        return this;
    }

    public GmailEmailMother filedBy(FiledBy value) {
        this.filedBy = value;
        return this;
    }

    public GmailEmailAssigned build() {
        return new GmailEmailAssigned(GmailEmailAssigned.entryIdFor(practiceId, gmailMessageId, clientId), practiceId,
                clientId, gmailMessageId, THREAD_ID, Ids.SAM, "sam@harbour.example", direction, from, to, cc,
                emailSubject, SENT, bodyText, attachments, filedBy, assignedBy, Ids.RECORDED);
    }

    public static GmailEmailUnassigned unassigned() {
        return new GmailEmailUnassigned(GmailEmailAssigned.entryIdFor(Ids.PRACTICE, MESSAGE_ID, Ids.CLIENT),
                Ids.PRACTICE, Ids.CLIENT, MESSAGE_ID, Ids.SAM, Ids.COMPLETED);
    }
}
