package io.switchboard.notifier.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventData;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.directory.Role;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.ToolTriggerSetting;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceRecorded;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

/** What the notifier's integration tests share: one context, fresh practices, helpers to feed the projections. */
@SwitchboardIntegrationTest
public abstract class NotifierIntegrationTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected JdbcClient jdbc;

    protected Api api() {
        return Api.onPort(port);
    }

    protected CloudEvent send(String topic, EventData data) {
        CloudEvent event = codec.encode(data, EventMetadata.now("/test", null, null));
        send(topic, event);
        return event;
    }

    protected void send(String topic, CloudEvent event) {
        try {
            kafka.send(topic, event.getSubject(), event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected void settings(UUID practice, DeliveryMode mode, ChannelRef channel, boolean slackConnected) {
        List<Provider> providers = slackConnected ? List.of(Provider.SLACK) : List.of();
        send("integration.settings.v1", new NotificationSettingsSnapshot(practice, 1, providers,
                List.of(new ToolTriggerSetting(Tool.REGISTER, Trigger.CORRESPONDENCE_SHARED, mode,
                        channel == null ? null : ChatProvider.SLACK, channel)), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from practice_settings where practice_id = :p").param("p", practice)
                .query(Long.class).single() == 1);
    }

    protected UUID user(UUID practice, String email, String slackUserId) {
        UUID user = UUID.randomUUID();
        send("directory.user.v1", new DirectoryUserSnapshot(practice, user, email, "User " + email,
                Role.values()[0], true, slackUserId, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from directory_user where user_id = :u").param("u", user)
                .query(Long.class).single() == 1);
        return user;
    }

    protected static CorrespondenceDetails phoneMessage(UUID author, UUID recipient) {
        return new CorrespondenceDetails(UUID.randomUUID(), "Acme Pty Ltd", CorrespondenceType.PHONE_MESSAGE, author,
                recipient, "Call back about BAS", "Wants to discuss the quarterly BAS before Friday.",
                Instant.parse("2026-11-23T10:02:00Z"), "Jane Client", "+61 400 000 000", "after 2pm");
    }

    protected CloudEvent record(UUID practice, UUID entryId, CorrespondenceDetails details, List<ShareTarget> targets) {
        return send("register.correspondence.v1", new CorrespondenceRecorded(entryId, practice, details, targets));
    }

    protected List<DeliveryReported> reports(List<CloudEvent> events, UUID practice) {
        List<DeliveryReported> reports = new ArrayList<>();
        for (CloudEvent event : events) {
            if (event.getType().equals("switchboard.notification.delivery.reported.v1")) {
                DeliveryReported report = (DeliveryReported) codec.decode(event);
                if (report.practiceId().equals(practice)) {
                    reports.add(report);
                }
            }
        }
        return reports;
    }

    protected static String slackId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }
}
