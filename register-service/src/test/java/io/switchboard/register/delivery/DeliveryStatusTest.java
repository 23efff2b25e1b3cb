package io.switchboard.register.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.register.testsupport.DeliveryReportMother;

class DeliveryStatusTest {

    final DeliveryReportMother reports = DeliveryReportMother.about(UUID.randomUUID(), UUID.randomUUID());

    @Test
    void movesFromQueuedToDelivered() {
        DeliveryStatus status = DeliveryStatus.of(reports.queued()).apply(reports.delivered("ts", 1));

        assertThat(status.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(status.providerMessageId()).isEqualTo("ts");
    }

    @Test
    void neverMovesAFinalOutcomeBackToQueued() {
        DeliveryStatus delivered = DeliveryStatus.of(reports.delivered("ts", 1));
        DeliveryStatus failed = DeliveryStatus.of(reports.failed(DeliveryReason.IS_ARCHIVED, "archived", 1));
        DeliveryStatus notSent = DeliveryStatus.of(reports.notSentNoChannel());

        assertThat(delivered.apply(reports.queued())).isSameAs(delivered);
        assertThat(failed.apply(reports.queued())).isSameAs(failed);
        assertThat(notSent.apply(reports.queued())).isSameAs(notSent);
    }

    @Test
    void keepsTheLaterOfTwoFinalOutcomes() {
        DeliveryStatus failed = DeliveryStatus.of(reports.failed(DeliveryReason.RATE_LIMITED, "429", 3));

        // delivered completes at +2s, the failure at +5s: the earlier report does not win.
        assertThat(failed.apply(reports.delivered("ts", 1)).outcome()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(DeliveryStatus.of(reports.delivered("ts", 1))
                .apply(reports.failed(DeliveryReason.RATE_LIMITED, "429", 3)).outcome()).isEqualTo(DeliveryOutcome.FAILED);
    }

    @Test
    void refusesAReportOfAnotherNotification() {
        DeliveryStatus status = DeliveryStatus.of(reports.queued());
        DeliveryReportMother other = DeliveryReportMother.about(UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> status.apply(other.queued())).isInstanceOf(IllegalArgumentException.class);
    }
}
