package io.switchboard.contracts.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.testsupport.GmailEmailMother;
import io.switchboard.contracts.testsupport.Ids;

/** The Gmail events derive their entry id so producer and register agree without asking each other. */
class GmailEmailEventsTest {

    @Test
    void entryIdIsStableAndDiffersPerClientMessageAndPractice() {
        UUID id = GmailEmailAssigned.entryIdFor(Ids.PRACTICE, "m1", Ids.CLIENT);

        assertThat(GmailEmailAssigned.entryIdFor(Ids.PRACTICE, "m1", Ids.CLIENT)).isEqualTo(id);
        assertThat(id.version()).isEqualTo(3);
        assertThat(GmailEmailAssigned.entryIdFor(Ids.PRACTICE, "m2", Ids.CLIENT)).isNotEqualTo(id);
        assertThat(GmailEmailAssigned.entryIdFor(Ids.PRACTICE, "m1", Ids.ENTRY)).isNotEqualTo(id);
        assertThat(GmailEmailAssigned.entryIdFor(Ids.ENTRY, "m1", Ids.CLIENT)).isNotEqualTo(id);
        assertThat(id).isEqualTo(UUID.nameUUIDFromBytes(
                ("switchboard:gmail:" + Ids.PRACTICE + ":m1:" + Ids.CLIENT).getBytes()));
    }

    @Test
    void bothEventsOfOneMessageShareTheKey() {
        assertThat(GmailEmailMother.receivedFromClient().build().subject())
                .isEqualTo(Ids.PRACTICE + ":" + GmailEmailMother.MESSAGE_ID)
                .isEqualTo(GmailEmailMother.unassigned().subject());
        assertThat(GmailEmailMother.unassigned().entryId())
                .isEqualTo(GmailEmailMother.receivedFromClient().build().entryId());
    }

    @Test
    void subjectLineCollapsesWhitespaceNamesMissingSubjectsAndCutsWithAnEllipsis() {
        assertThat(GmailEmailAssigned.subjectLine("  Re:\n  BAS  ")).isEqualTo("Re: BAS");
        assertThat(GmailEmailAssigned.subjectLine(null)).isEqualTo(GmailEmailAssigned.NO_SUBJECT);
        String cut = GmailEmailAssigned.subjectLine("word ".repeat(100));
        assertThat(cut).hasSize(GmailEmailAssigned.SUBJECT_MAX_LENGTH).endsWith("…");
        assertThat(GmailEmailAssigned.bodyText("x".repeat(60_000))).hasSize(GmailEmailAssigned.BODY_MAX_LENGTH);
    }

    @Test
    void refusesAnEntryIdNotDerivedFromTheMessageAndClient() {
        GmailEmailAssigned good = GmailEmailMother.receivedFromClient().build();

        assertThatThrownBy(() -> new GmailEmailAssigned(UUID.randomUUID(), good.practiceId(), good.clientId(),
                good.gmailMessageId(), good.gmailThreadId(), good.mailboxUserId(), good.mailboxAddress(),
                good.direction(), good.from(), good.to(), good.cc(), good.emailSubject(), good.sentAt(),
                good.bodyText(), good.attachments(), good.filedBy(), good.assignedBy(), good.assignedAt()))
                .hasMessageContaining("entryIdFor");
    }

    @Test
    void refusesALongSubjectAndANonHttpAttachmentLink() {
        assertThatThrownBy(() -> GmailEmailMother.receivedFromClient().emailSubject("x".repeat(201)).build())
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> new GmailAttachment("a", "n", "text/plain", 1, "file:///etc/passwd"))
                .hasMessageContaining("http or https");
    }
}
