package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceType;

/**
 * Builds {@link CorrespondenceDetails}: a phone message with every field, or a file note with none
 * of the optional ones.
 */
public final class CorrespondenceDetailsMother {

    private UUID clientId = Ids.CLIENT;
    private String clientDisplayName = "Acme Holdings Ltd";
    private CorrespondenceType entryType = CorrespondenceType.PHONE_MESSAGE;
    private UUID authorUserId = Ids.ALEX;
    private UUID recipientUserId = Ids.SAM;
    private String entrySubject = "Query about the Q1 BAS";
    private String summary = "Jo called about the BAS lodgement date and wants to confirm the GST figure.";
    private Instant occurredAt = Ids.OCCURRED;
    private String callerName = "Jo Citizen";
    private String callerPhone = "+61 2 5550 1234";
    private String bestTimeToCall = "after 3pm";
    private String emailText;

    private CorrespondenceDetailsMother() {
    }

    /** A phone message for Sam with the return-call fields filled in. */
    public static CorrespondenceDetailsMother phoneMessage() {
        return new CorrespondenceDetailsMother();
    }

    /** A file note with every optional field empty. */
    public static CorrespondenceDetailsMother minimal() {
        return new CorrespondenceDetailsMother()
                .entryType(CorrespondenceType.FILE_NOTE)
                .recipientUserId(null)
                .summary(null)
                .callerName(null)
                .callerPhone(null)
                .bestTimeToCall(null);
    }

    /** A "new email" written in the register to the client, with its whole text to send. */
    public static CorrespondenceDetailsMother emailOut() {
        return new CorrespondenceDetailsMother()
                .entryType(CorrespondenceType.EMAIL_OUT)
                .recipientUserId(null)
                .entrySubject("Your BAS is ready to sign")
                .summary("Hi Jo, your Q1 BAS is ready. Please sign it by Friday.")
                .callerName(null)
                .callerPhone(null)
                .bestTimeToCall(null)
                .emailText("Hi Jo,\n\nyour Q1 BAS is ready. Please sign it by Friday.\n\nAlex");
    }

    public CorrespondenceDetailsMother emailText(String value) {
        this.emailText = value;
        return this;
    }

    public CorrespondenceDetailsMother clientDisplayName(String value) {
        this.clientDisplayName = value;
        return this;
    }

    public CorrespondenceDetailsMother entryType(CorrespondenceType value) {
        this.entryType = value;
        return this;
    }

    public CorrespondenceDetailsMother authorUserId(UUID value) {
        this.authorUserId = value;
        return this;
    }

    public CorrespondenceDetailsMother recipientUserId(UUID value) {
        this.recipientUserId = value;
        return this;
    }

    public CorrespondenceDetailsMother entrySubject(String value) {
        this.entrySubject = value;
        return this;
    }

    public CorrespondenceDetailsMother summary(String value) {
        this.summary = value;
        return this;
    }

    public CorrespondenceDetailsMother callerName(String value) {
        this.callerName = value;
        return this;
    }

    public CorrespondenceDetailsMother callerPhone(String value) {
        this.callerPhone = value;
        return this;
    }

    public CorrespondenceDetailsMother bestTimeToCall(String value) {
        this.bestTimeToCall = value;
        return this;
    }

    public CorrespondenceDetails build() {
        return new CorrespondenceDetails(clientId, clientDisplayName, entryType, authorUserId, recipientUserId,
                entrySubject, summary, occurredAt, callerName, callerPhone, bestTimeToCall, emailText);
    }
}
