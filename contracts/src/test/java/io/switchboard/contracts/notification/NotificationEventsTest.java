package io.switchboard.contracts.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.testsupport.DeliveryReportedMother;
import io.switchboard.contracts.testsupport.EmailNotificationRequestedMother;
import io.switchboard.contracts.testsupport.Ids;
import io.switchboard.contracts.testsupport.InAppNotificationRequestedMother;
import io.switchboard.contracts.testsupport.MessageContentMother;
import io.switchboard.contracts.testsupport.SlackNotificationRequestedMother;
import io.switchboard.contracts.testsupport.TeamsNotificationRequestedMother;

/** Delivery commands are keyed by practice and target, and reports keep outcome and reason consistent. */
class NotificationEventsTest {

    @Test
    void commandsAreKeyedByPracticeAndTargetSoOneTargetStaysInOrder() {
        String practice = Ids.PRACTICE.toString();

        assertThat(SlackNotificationRequestedMother.channelPost().build().subject())
                .isEqualTo(practice + ":channel:C024BE91L");
        assertThat(SlackNotificationRequestedMother.minimalDirectMessage().build().subject())
                .isEqualTo(practice + ":user:U0G9QF9C6");
        assertThat(TeamsNotificationRequestedMother.mentioningSam().build().subject())
                .startsWith(practice + ":channel:fbe2bf47-16c8-47cf-b4a5-4b9b187c508b/19:");
        assertThat(EmailNotificationRequestedMother.viaGmail().build().subject())
                .isEqualTo(practice + ":email:sam.lee@practice.example.com");
        assertThat(InAppNotificationRequestedMother.phoneMessageForSam().build().subject())
                .isEqualTo(practice + ":user:" + Ids.SAM);
    }

    @Test
    void eachCommandNamesItsChannel() {
        assertThat(List.<NotificationRequest>of(
                SlackNotificationRequestedMother.channelPost().build(),
                TeamsNotificationRequestedMother.mentioningSam().build(),
                EmailNotificationRequestedMother.viaGmail().build(),
                InAppNotificationRequestedMother.phoneMessageForSam().build()))
                .extracting(NotificationRequest::channel)
                .containsExactly(NotificationChannel.SLACK, NotificationChannel.TEAMS, NotificationChannel.EMAIL,
                        NotificationChannel.IN_APP);
    }

    @Test
    void slackCommandTargetsExactlyOneOfChannelAndUser() {
        assertThatThrownBy(() -> SlackNotificationRequestedMother.channelPost().slackUserId("U1").build())
                .hasMessageContaining("exactly one of channelId and slackUserId");
        assertThatThrownBy(() -> SlackNotificationRequestedMother.channelPost().channel(null, null).build())
                .hasMessageContaining("exactly one of channelId and slackUserId");
    }

    @Test
    void teamsCommandNeedsTheUserWhoseConnectionSendsIt() {
        assertThatThrownBy(() -> TeamsNotificationRequestedMother.mentioningSam().sendingUserId(null).build())
                .hasMessage("TeamsNotificationRequested.sendingUserId is required");
    }

    @Test
    void emailCommandNeedsARecipientWithAnAddress() {
        assertThatThrownBy(() -> EmailNotificationRequestedMother.viaGmail().to(List.of()).build())
                .hasMessageContaining("at least one element");
        assertThatThrownBy(() -> EmailNotificationRequestedMother.viaGmail().to(List.of("sam")).build())
                .hasMessageContaining("invalid address: sam");
    }

    @Test
    void aLinkNeedsItsLabelAndALabelItsLink() {
        assertThatThrownBy(() -> MessageContentMother.phoneMessage().link("https://app.example.com/x", null).build())
                .hasMessageContaining("linkUrl needs a linkLabel");
        assertThatThrownBy(() -> MessageContentMother.phoneMessage().link(null, "Record Summary").build())
                .hasMessageContaining("linkLabel needs a linkUrl");
    }

    @Test
    void failedOrNotSentReportsCarryAReasonAndOthersDoNot() {
        assertThatThrownBy(() -> DeliveryReportedMother.failedNotInChannel().reason(null, null).build())
                .hasMessage("DeliveryReported.reason is required when FAILED");
        assertThatThrownBy(() -> DeliveryReportedMother.delivered().reason(DeliveryReason.RATE_LIMITED, null).build())
                .hasMessage("DeliveryReported.reason must be null when DELIVERED");
    }

    @Test
    void onlyQueuedReportsLackACompletionTime() {
        assertThatThrownBy(() -> DeliveryReportedMother.delivered().completedAt(null).build())
                .hasMessage("DeliveryReported.completedAt is required when DELIVERED");
        assertThatThrownBy(() -> DeliveryReportedMother.queued().completedAt(Ids.COMPLETED).build())
                .hasMessage("DeliveryReported.completedAt must be null while QUEUED");
    }

    @Test
    void onlyANotSentReportMayLackAChannel() {
        assertThat(DeliveryReportedMother.notSentNoChannel().build().channel()).isNull();
        assertThatThrownBy(() -> DeliveryReportedMother.failedNotInChannel().channel(null).build())
                .hasMessageContaining("channel may be null only for NOT_SENT");
    }

    @Test
    void reportIsKeyedByItsNotification() {
        assertThat(DeliveryReportedMother.delivered().build().subject()).isEqualTo(Ids.NOTIFICATION.toString());
    }

    @Test
    void notificationIdsAreDeterministicPerSourceEventChannelAndTarget() {
        var first = NotificationIds.derive(Ids.SOURCE_EVENT, NotificationChannel.SLACK, "C024BE91L");

        assertThat(NotificationIds.derive(Ids.SOURCE_EVENT, NotificationChannel.SLACK, "C024BE91L"))
                .isEqualTo(first);
        assertThat(NotificationIds.derive(Ids.SOURCE_EVENT, NotificationChannel.TEAMS, "C024BE91L"))
                .isNotEqualTo(first);
        assertThat(NotificationIds.derive(Ids.SOURCE_EVENT, NotificationChannel.SLACK, "C999"))
                .isNotEqualTo(first);
        assertThat(NotificationIds.derive("other-event", NotificationChannel.SLACK, "C024BE91L"))
                .isNotEqualTo(first);
    }
}
