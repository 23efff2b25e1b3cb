package io.switchboard.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.notifier.support.IntegrationStub;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.notifier.support.SlackWorkspaceFixture;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.Channel;

/**
 * The worker gets the practice's bot token before it claims the ledger row: a worker that dies while integration-service
 * is slow to hand the token out leaves the row PENDING (sent after a restart), not SENDING ("outcome unknown").
 */
class SlackTokenBeforeClaimIntegrationTest extends NotifierIntegrationTestBase {

    private final ProviderSandbox sandbox = ProviderSandbox.shared();
    private final IntegrationStub integration = IntegrationStub.shared();

    @BeforeEach
    void chatEmulated() {
        SlackWorkspaceFixture.assumeChatEmulated();
    }

    @Test
    void theRowStaysPendingWhileTheWorkerWaitsForTheTokenAndIsClaimedOnceItIsInHand() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1SLOWTOKEN", "slow-token")), List.of());
        IntegrationStub.Hold hold = integration.holdSlackToken(ws.practice());
        UUID id = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            try {
                send("notify.slack.v1", command(ws.practice(), id, "C1SLOWTOKEN", "slow-token"));
                await().atMost(Duration.ofSeconds(20)).until(() -> hold.waiting() == 1);
                // A kill -9 now must find nothing claimed: the row is due, no attempt spent, nothing reached Slack.
                assertThat(row(id)).isEqualTo(new Row("PENDING", 0));
                assertThat(sandbox.slack().messages(ws.teamId())).isEmpty();
            } finally {
                hold.release();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !reports(probe.events(), ws.practice()).isEmpty());
            DeliveryReported report = reports(probe.events(), ws.practice()).get(0);
            assertThat(report.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(report.attempts()).isEqualTo(1);
        }
        assertThat(row(id)).isEqualTo(new Row("DELIVERED", 1));
        assertThat(sandbox.slack().messages(ws.teamId())).hasSize(1);
    }

    @Test
    void anIntegrationServiceOutageSpendsNoAttemptsAndTheMessageGoesOnceItIsBack() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1OUTAGE", "outage")), List.of());
        integration.slackTokenUnavailable(ws.practice(), true);
        UUID id = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            try {
                send("notify.slack.v1", command(ws.practice(), id, "C1OUTAGE", "outage"));
                // More lookups than the tests' retry.max-attempts (3): a lookup that spent attempts would have FAILED it.
                await().atMost(Duration.ofSeconds(20)).until(() -> integration.slackTokenRequests(ws.practice()) > 4);
                assertThat(row(id)).isEqualTo(new Row("PENDING", 0));
                assertThat(reports(probe.events(), ws.practice())).isEmpty();
            } finally {
                integration.slackTokenUnavailable(ws.practice(), false);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !reports(probe.events(), ws.practice()).isEmpty());
            DeliveryReported report = reports(probe.events(), ws.practice()).get(0);
            assertThat(report.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(report.attempts()).isEqualTo(1);
        }
        assertThat(sandbox.slack().messages(ws.teamId())).hasSize(1);
    }

    @Test
    void aDisconnectedWorkspaceIsStillReportedWithItsReasonAskingIntegrationServiceOnce() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1GONE2", "gone")), List.of());
        integration.disconnect(ws.practice());
        UUID id = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.slack.v1", command(ws.practice(), id, "C1GONE2", "gone"));
            await().atMost(Duration.ofSeconds(20)).until(() -> !reports(probe.events(), ws.practice()).isEmpty());
            DeliveryReported report = reports(probe.events(), ws.practice()).get(0);
            assertThat(report.outcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(report.reason()).isEqualTo(DeliveryReason.PROVIDER_DISCONNECTED);
            assertThat(report.reasonText()).isEqualTo("Slack is not connected");
            assertThat(report.attempts()).isEqualTo(1);
        }
        // The refusal prepare got is the one send reported: no second lookup after the row was claimed.
        assertThat(integration.slackTokenRequests(ws.practice())).isEqualTo(1);
    }

    private record Row(String status, int attempts) {
    }

    private Row row(UUID id) {
        return jdbc.sql("select status, attempts from delivery where notification_id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2)))
                .single();
    }

    private static SlackNotificationRequested command(UUID practice, UUID id, String channelId, String channelName) {
        return new SlackNotificationRequested(id, practice, "evt-" + id, SourceRef.correspondenceEntry(UUID.randomUUID()),
                channelId, channelName, null, new MessageContent("Phone message: Acme", "Call back",
                List.of(), "http://localhost:8080/register/entries/" + id, "Record Summary"), Instant.now());
    }
}
