package io.switchboard.notifier.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

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
import io.switchboard.platform.security.TenantJdbc;

/**
 * The notifier's local copy of integration-service's settings, directory (with roles and Microsoft ids) and
 * connection states (practice-level Slack and Teams, each user's own Teams/Gmail connection).
 */
@Component
public class Projections {

    /** The nil UUID stands for "the practice" in {@code connection_state.user_id}. */
    static final UUID PRACTICE = new UUID(0, 0);

    private final TenantJdbc jdbc;

    public Projections(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One (tool, trigger) default of the practice (P5) with what the router needs to know about the chat tools.
     *
     * @param teamId      the Teams team of the default channel ({@code null} for Slack)
     * @param slackBroken the practice's Slack connection was reported broken (P8) and not reconnected since
     */
    public record DeliverySettings(DeliveryMode mode, ChatProvider provider, String channelId, String channelName,
                                   String teamId, boolean slackConnected, boolean slackBroken,
                                   boolean teamsConnected) {
    }

    /** @param role {@code null} for a row written before roles were projected, until its next snapshot */
    public record DirectoryUser(UUID userId, String email, String displayName, boolean active, String slackUserId,
                                String microsoftUserId, Role role) {
    }

    /** Applies a settings snapshot unless an equal or newer version is already held (compacted topic replays). */
    public void apply(NotificationSettingsSnapshot snapshot) {
        ToolTriggerSetting register = snapshot.settings().stream()
                .filter(s -> s.tool() == Tool.REGISTER && s.trigger() == Trigger.CORRESPONDENCE_SHARED)
                .findFirst()
                .orElse(snapshot.settings().stream().filter(s -> s.tool() == Tool.REGISTER).findFirst().orElse(null));
        boolean channel = register != null && register.defaultChannel() != null;
        int applied = jdbc.sql(snapshot.practiceId(), """
                insert into practice_settings (practice_id, version, slack_connected, teams_connected, register_mode,
                                               register_provider, register_channel_id, register_channel_name,
                                               register_team_id, updated_at)
                values (:practiceId, :version, :slack, :teams, :mode, :provider, :channelId, :channelName, :teamId, now())
                on conflict (practice_id) do update set
                    version = excluded.version, slack_connected = excluded.slack_connected,
                    teams_connected = excluded.teams_connected,
                    register_mode = excluded.register_mode, register_provider = excluded.register_provider,
                    register_channel_id = excluded.register_channel_id,
                    register_channel_name = excluded.register_channel_name,
                    register_team_id = excluded.register_team_id, updated_at = now()
                where practice_settings.version < excluded.version
                """)
                .param("version", snapshot.version())
                .param("slack", snapshot.connectedProviders().contains(Provider.SLACK))
                .param("teams", snapshot.connectedProviders().contains(Provider.MICROSOFT_TEAMS))
                .param("mode", register == null ? null : register.deliveryMode().name())
                .param("provider", register == null || register.defaultProvider() == null ? null : register.defaultProvider().name())
                .param("channelId", channel ? register.defaultChannel().id() : null)
                .param("channelName", channel ? register.defaultChannel().name() : null)
                .param("teamId", channel ? register.defaultChannel().teamId() : null)
                .update();
        if (applied == 0) {
            return;
        }
        // The snapshot is the whole of the settings: a pair it no longer lists is no longer configured.
        jdbc.sql(snapshot.practiceId(), "delete from trigger_setting where practice_id = :practiceId").update();
        for (ToolTriggerSetting setting : snapshot.settings()) {
            jdbc.sql(snapshot.practiceId(), """
                    insert into trigger_setting (practice_id, tool, trigger_name, mode, provider, channel_id,
                                                 channel_name, team_id)
                    values (:practiceId, :tool, :trigger, :mode, :provider, :channelId, :channelName, :teamId)
                    """)
                    .param("tool", setting.tool().name())
                    .param("trigger", setting.trigger().name())
                    .param("mode", setting.deliveryMode().name())
                    .param("provider", setting.defaultProvider() == null ? null : setting.defaultProvider().name())
                    .param("channelId", setting.defaultChannel() == null ? null : setting.defaultChannel().id())
                    .param("channelName", setting.defaultChannel() == null ? null : setting.defaultChannel().name())
                    .param("teamId", setting.defaultChannel() == null ? null : setting.defaultChannel().teamId())
                    .update();
        }
    }

    public void apply(DirectoryUserSnapshot user) {
        jdbc.sql(user.practiceId(), """
                insert into directory_user (practice_id, user_id, email, display_name, active, slack_user_id,
                                            microsoft_user_id, role, updated_at)
                values (:practiceId, :userId, :email, :name, :active, :slack, :microsoft, :role, now())
                on conflict (user_id) do update set practice_id = excluded.practice_id, email = excluded.email,
                    display_name = excluded.display_name, active = excluded.active,
                    slack_user_id = excluded.slack_user_id, microsoft_user_id = excluded.microsoft_user_id,
                    role = excluded.role, updated_at = now()
                """)
                .param("userId", user.userId())
                .param("email", user.email())
                .param("name", user.displayName())
                .param("active", user.active())
                .param("slack", user.slackUserId())
                .param("microsoft", user.microsoftUserId())
                .param("role", user.role().name())
                .update();
    }

    /**
     * Records the connection's latest state (one connection's events share a Kafka key, so they arrive in order;
     * {@code changedAt} still keeps an older one replayed from winning). A practice-level Slack or Teams
     * connect/disconnect also flips the settings' connected flag at once (P6), ahead of the next snapshot; a broken
     * connection keeps its flag and is told apart by its state (the router reports CONNECTION_NEEDS_REAUTH).
     */
    public void apply(ConnectionChanged change) {
        jdbc.sql(change.practiceId(), """
                insert into connection_state (practice_id, provider, user_id, status, changed_at, updated_at)
                values (:practiceId, :provider, :userId, :status, :changedAt, now())
                on conflict (practice_id, provider, user_id) do update set status = excluded.status,
                    changed_at = excluded.changed_at, updated_at = now()
                where connection_state.changed_at <= excluded.changed_at
                """)
                .param("provider", change.provider().name())
                .param("userId", change.scope() == ConnectionScope.USER ? change.userId() : PRACTICE)
                .param("status", change.status().name())
                .param("changedAt", Timestamp.from(change.changedAt()))
                .update();
        if (change.scope() != ConnectionScope.PRACTICE || change.provider() == Provider.GMAIL
                || change.status() == ConnectionStatus.BROKEN) {
            return;
        }
        String column = change.provider() == Provider.SLACK ? "slack_connected" : "teams_connected";
        jdbc.sql(change.practiceId(), """
                insert into practice_settings (practice_id, version, %1$s, updated_at)
                values (:practiceId, 0, :connected, now())
                on conflict (practice_id) do update set %1$s = excluded.%1$s, updated_at = now()
                """.formatted(column))
                .param("connected", change.status() == ConnectionStatus.CONNECTED)
                .update();
    }

    /** The latest known state of a user's own connection ({@code userId}) or the practice's ({@code null}). */
    public Optional<ConnectionStatus> connection(UUID practiceId, Provider provider, UUID userId) {
        return jdbc.sql(practiceId, """
                select status from connection_state
                where practice_id = :practiceId and provider = :provider and user_id = :userId
                """)
                .param("provider", provider.name())
                .param("userId", userId == null ? PRACTICE : userId)
                .query((rs, n) -> ConnectionStatus.valueOf(rs.getString(1)))
                .optional();
    }

    public DeliverySettings registerSettings(UUID practiceId) {
        return jdbc.sql(practiceId, """
                select s.register_mode, s.register_provider, s.register_channel_id, s.register_channel_name,
                       s.register_team_id, s.slack_connected, s.teams_connected,
                       exists (select 1 from connection_state c where c.practice_id = s.practice_id
                               and c.provider = 'SLACK' and c.user_id = :nil and c.status = 'BROKEN')
                from practice_settings s where s.practice_id = :practiceId
                """)
                .param("nil", PRACTICE)
                .query((rs, n) -> new DeliverySettings(
                        rs.getString(1) == null ? DeliveryMode.EMAIL_ONLY : DeliveryMode.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : ChatProvider.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(8),
                        rs.getBoolean(7)))
                .optional()
                .orElse(new DeliverySettings(DeliveryMode.EMAIL_ONLY, null, null, null, null, false, false, false));
    }

    /**
     * The practice's default for one (tool, trigger) pair (P5) with the chat tools' state; empty when the pair is not
     * configured: a system trigger such as a job entering a stage is opt-in.
     */
    public Optional<DeliverySettings> triggerSettings(UUID practiceId, Tool tool, Trigger trigger) {
        return jdbc.sql(practiceId, """
                select t.mode, t.provider, t.channel_id, t.channel_name, t.team_id,
                       coalesce(s.slack_connected, false), coalesce(s.teams_connected, false),
                       exists (select 1 from connection_state c where c.practice_id = t.practice_id
                               and c.provider = 'SLACK' and c.user_id = :nil and c.status = 'BROKEN')
                from trigger_setting t left join practice_settings s on s.practice_id = t.practice_id
                where t.practice_id = :practiceId and t.tool = :tool and t.trigger_name = :trigger
                """)
                .param("nil", PRACTICE)
                .param("tool", tool.name())
                .param("trigger", trigger.name())
                .query((rs, n) -> new DeliverySettings(DeliveryMode.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : ChatProvider.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(8),
                        rs.getBoolean(7)))
                .optional();
    }

    public Optional<DirectoryUser> user(UUID practiceId, UUID userId) {
        return jdbc.sql(practiceId, """
                select user_id, email, display_name, active, slack_user_id, microsoft_user_id, role
                from directory_user where practice_id = :practiceId and user_id = :userId
                """)
                .param("userId", userId)
                .query((rs, n) -> user(rs))
                .optional();
    }

    /** The practice's active staff users (both roles), for system notices to everyone. */
    public List<DirectoryUser> activeUsers(UUID practiceId) {
        return jdbc.sql(practiceId, """
                select user_id, email, display_name, active, slack_user_id, microsoft_user_id, role
                from directory_user where practice_id = :practiceId and active order by user_id
                """)
                .query((rs, n) -> user(rs))
                .list();
    }

    /** The practice's active practice admins, for P8 "connection broken" notices. */
    public List<DirectoryUser> activeAdmins(UUID practiceId) {
        return activeUsers(practiceId).stream().filter(u -> u.role() == Role.PRACTICE_ADMIN).toList();
    }

    private static DirectoryUser user(ResultSet rs) throws SQLException {
        return new DirectoryUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                rs.getString(5), rs.getString(6), rs.getString(7) == null ? null : Role.valueOf(rs.getString(7)));
    }
}
