package io.switchboard.register.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTargetKind;
import io.switchboard.platform.web.InvalidRequestException;

class CorrespondenceEntryTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    final UUID practice = UUID.randomUUID();
    final UUID author = UUID.randomUUID();

    @Test
    void aPhoneMessageNeedsTheCallersNameOrNumber() {
        assertThatThrownBy(() -> record(phoneMessage(null, " ")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.field()).containsExactly("callerName", "callerPhone"));
        assertThat(record(phoneMessage(null, "+61 400 000 101")).callerPhone()).isEqualTo("+61 400 000 101");
        assertThat(record(phoneMessage("Linh", null)).callerName()).isEqualTo("Linh");
    }

    @Test
    void occursNowUnlessToldAndNotDaysAhead() {
        assertThat(record(phoneMessage("Linh", null)).occurredAt()).isEqualTo(NOW);
        NewEntry ahead = new NewEntry(CorrespondenceType.FILE_NOTE, UUID.randomUUID(), null, "Note", null,
                NOW.plus(Duration.ofDays(2)), null, null, null, null, null);
        assertThatThrownBy(() -> record(ahead)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void summarisesTheBodyForNotifications() {
        NewEntry note = new NewEntry(CorrespondenceType.MEETING_NOTE, UUID.randomUUID(), null, " Planning ",
                "Line one\n\n  line two", null, null, null, null, null, null);

        var details = record(note).details("Linh Nguyen");

        assertThat(details.summary()).isEqualTo("Line one line two");
        assertThat(details.entrySubject()).isEqualTo("Planning");
        assertThat(details.authorUserId()).isEqualTo(author);
    }

    @Test
    void refusesShareTargetsTheContractCannotCarryNamingTheirPosition() {
        ShareTargetRequest fine = new ShareTargetRequest(ShareTargetKind.USE_PRACTICE_DEFAULT, null, null, null, null);
        ShareTargetRequest dmToNobody = new ShareTargetRequest(ShareTargetKind.DIRECT_MESSAGE, List.of(), null, null, null);

        assertThat(CorrespondenceEntry.targets(List.of(fine), "share")).hasSize(1);
        assertThatThrownBy(() -> CorrespondenceEntry.targets(List.of(fine, dmToNobody), "share"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("share[1]"));
    }

    private CorrespondenceEntry record(NewEntry request) {
        return CorrespondenceEntry.record(request, practice, author, NOW);
    }

    private static NewEntry phoneMessage(String callerName, String callerPhone) {
        return new NewEntry(CorrespondenceType.PHONE_MESSAGE, UUID.randomUUID(), null, "Call back", null, null, null,
                callerName, callerPhone, null, null);
    }
}
