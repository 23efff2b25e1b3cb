package io.switchboard.notifier.projection;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.ToolTriggerSetting;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.platform.security.TenantJdbc;

/** The notifier's local copy of integration-service's settings, directory and Slack connection state. */
@Component
public class Projections {

    private final TenantJdbc jdbc;

    public Projections(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record RegisterSettings(DeliveryMode mode, ChatProvider provider, String channelId, String channelName,
                                   boolean slackConnected) {
    }

    public record DirectoryUser(UUID userId, String email, String displayName, boolean active, String slackUserId) {
    }

    /** Applies a settings snapshot unless an equal or newer version is already held (compacted topic replays). */
    public void apply(NotificationSettingsSnapshot snapshot) {
        ToolTriggerSetting register = snapshot.settings().stream()
                .filter(s -> s.tool() == Tool.REGISTER && s.trigger() == Trigger.CORRESPONDENCE_SHARED)
                .findFirst()
                .orElse(snapshot.settings().stream().filter(s -> s.tool() == Tool.REGISTER).findFirst().orElse(null));
        jdbc.sql(snapshot.practiceId(), """
                insert into practice_settings (practice_id, version, slack_connected, register_mode, register_provider,
                                               register_channel_id, register_channel_name, updated_at)
                values (:practiceId, :version, :slack, :mode, :provider, :channelId, :channelName, now())
                on conflict (practice_id) do update set
                    version = excluded.version, slack_connected = excluded.slack_connected,
                    register_mode = excluded.register_mode, register_provider = excluded.register_provider,
                    register_channel_id = excluded.register_channel_id,
                    register_channel_name = excluded.register_channel_name, updated_at = now()
                where practice_settings.version < excluded.version
                """)
                .param("version", snapshot.version())
                .param("slack", snapshot.connectedProviders().contains(Provider.SLACK))
                .param("mode", register == null ? null : register.deliveryMode().name())
                .param("provider", register == null || register.defaultProvider() == null ? null : register.defaultProvider().name())
                .param("channelId", register == null || register.defaultChannel() == null ? null : register.defaultChannel().id())
                .param("channelName", register == null || register.defaultChannel() == null ? null : register.defaultChannel().name())
                .update();
    }

    public void apply(DirectoryUserSnapshot user) {
        jdbc.sql(user.practiceId(), """
                insert into directory_user (practice_id, user_id, email, display_name, active, slack_user_id, updated_at)
                values (:practiceId, :userId, :email, :name, :active, :slack, now())
                on conflict (user_id) do update set practice_id = excluded.practice_id, email = excluded.email,
                    display_name = excluded.display_name, active = excluded.active,
                    slack_user_id = excluded.slack_user_id, updated_at = now()
                """)
                .param("userId", user.userId())
                .param("email", user.email())
                .param("name", user.displayName())
                .param("active", user.active())
                .param("slack", user.slackUserId())
                .update();
    }

    /** A practice-level Slack connect/disconnect flips the connected flag at once (P6), ahead of the next snapshot. */
    public void apply(ConnectionChanged change) {
        if (change.provider() != Provider.SLACK || change.scope() != ConnectionScope.PRACTICE) {
            return;
        }
        jdbc.sql(change.practiceId(), """
                insert into practice_settings (practice_id, version, slack_connected, updated_at)
                values (:practiceId, 0, :connected, now())
                on conflict (practice_id) do update set slack_connected = excluded.slack_connected, updated_at = now()
                """)
                .param("connected", change.status() == ConnectionStatus.CONNECTED)
                .update();
    }

    public RegisterSettings registerSettings(UUID practiceId) {
        return jdbc.sql(practiceId, """
                select register_mode, register_provider, register_channel_id, register_channel_name, slack_connected
                from practice_settings where practice_id = :practiceId
                """)
                .query((rs, n) -> new RegisterSettings(
                        rs.getString(1) == null ? DeliveryMode.EMAIL_ONLY : DeliveryMode.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : ChatProvider.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .optional()
                .orElse(new RegisterSettings(DeliveryMode.EMAIL_ONLY, null, null, null, false));
    }

    public Optional<DirectoryUser> user(UUID practiceId, UUID userId) {
        return jdbc.sql(practiceId, """
                select user_id, email, display_name, active, slack_user_id
                from directory_user where practice_id = :practiceId and user_id = :userId
                """)
                .param("userId", userId)
                .query((rs, n) -> new DirectoryUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5)))
                .optional();
    }
}
