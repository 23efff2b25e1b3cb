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
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
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
        return user(practice, email, "User " + email, Role.values()[0], slackUserId, null);
    }

    protected UUID user(UUID practice, String email, String displayName, Role role, String slackUserId,
                        String microsoftUserId) {
        UUID user = UUID.randomUUID();
        send("directory.user.v1", new DirectoryUserSnapshot(practice, user, email, displayName, role, true,
                slackUserId, microsoftUserId));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from directory_user where user_id = :u").param("u", user)
                .query(Long.class).single() == 1);
        return user;
    }

    /** A whole settings snapshot (any tools and triggers) as integration-service publishes it, once projected. */
    protected void notificationSettings(UUID practice, List<Provider> connected, ToolTriggerSetting... settings) {
        send("integration.settings.v1", new NotificationSettingsSnapshot(practice, 1, connected, List.of(settings),
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from practice_settings where practice_id = :p").param("p", practice)
                .query(Long.class).single() == 1 && jdbc.sql(
                "select count(*) from trigger_setting where practice_id = :p").param("p", practice)
                .query(Long.class).single() == settings.length);
    }

    /** Register settings whose chat part goes to a Teams channel, with Teams connected for the practice. */
    protected void teamsSettings(UUID practice, DeliveryMode mode, ChannelRef teamsChannel) {
        send("integration.settings.v1", new NotificationSettingsSnapshot(practice, 1, List.of(Provider.MICROSOFT_TEAMS),
                List.of(new ToolTriggerSetting(Tool.REGISTER, Trigger.CORRESPONDENCE_SHARED, mode,
                        ChatProvider.TEAMS, teamsChannel)), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from practice_settings where practice_id = :p").param("p", practice)
                .query(Long.class).single() == 1);
    }

    /** Publishes a connection change as integration-service would and waits until the projection holds it. */
    protected CloudEvent connection(UUID practice, Provider provider, UUID userId, ConnectionStatus status) {
        return connection(practice, provider, userId, status, Instant.now());
    }

    /** Publishes a connection change as integration-service would and waits until it is projected. */
    protected CloudEvent connection(UUID practice, Provider provider, UUID userId, ConnectionStatus status,
                                    Instant changedAt) {
        CloudEvent event = send("integration.connection.v1", connectionChanged(practice, provider, userId, status, changedAt));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from connection_state where practice_id = :p and provider = :provider"
                                + " and user_id = :u and status = :status")
                .param("p", practice).param("provider", provider.name())
                .param("u", userId == null ? new UUID(0, 0) : userId).param("status", status.name())
                .query(Long.class).single() == 1);
        return event;
    }

    protected static ConnectionChanged connectionChanged(UUID practice, Provider provider, UUID userId,
                                                         ConnectionStatus status, Instant changedAt) {
        return new ConnectionChanged(practice, provider,
                userId == null ? ConnectionScope.PRACTICE : ConnectionScope.USER, userId, status, null, null,
                status == ConnectionStatus.BROKEN ? "the provider rejected the token" : null, null, changedAt);
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
