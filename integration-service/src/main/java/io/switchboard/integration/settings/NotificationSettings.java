package io.switchboard.integration.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.ToolTriggerSetting;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.integration.slack.SlackChannel;
import io.switchboard.integration.slack.SlackChannels;
import io.switchboard.integration.slack.SlackConnections;
import io.switchboard.integration.teams.TeamsChannels;
import io.switchboard.integration.teams.TeamsConnections;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.InvalidRequestException;

/**
 * The practice's defaults per tool and trigger (FEATURES.md P5). Every change, and every change of a
 * chat connection, publishes the whole {@link NotificationSettingsSnapshot} with a higher version.
 */
@Service
public class NotificationSettings {

    /** Which triggers belong to which tool. */
    private static final Map<Tool, List<Trigger>> TRIGGERS = Map.of(
            Tool.REGISTER, List.of(Trigger.CORRESPONDENCE_SHARED),
            Tool.WORKFLOW, List.of(Trigger.JOB_STAGE_ENTERED, Trigger.THREAD_MESSAGE_POSTED),
            Tool.TASKS, List.of(Trigger.TASK_ASSIGNED, Trigger.TASK_MENTION, Trigger.TASK_OVERDUE));

    private final TenantJdbc jdbc;
    private final ApplicationEventPublisher events;
    private final SlackConnections slack;
    private final SlackChannels channels;
    private final TeamsConnections teams;
    private final TeamsChannels teamsChannels;

    NotificationSettings(TenantJdbc jdbc, ApplicationEventPublisher events, SlackConnections slack,
                         SlackChannels channels, TeamsConnections teams, TeamsChannels teamsChannels) {
        this.jdbc = jdbc;
        this.events = events;
        this.slack = slack;
        this.channels = channels;
        this.teams = teams;
        this.teamsChannels = teamsChannels;
    }

    @Transactional(readOnly = true)
    public SettingsView settings(UUID practiceId) {
        List<Provider> connected = connectedProviders(practiceId);
        List<SettingView> views = stored(practiceId).stream().map(s -> withWarnings(practiceId, s, connected)).toList();
        long version = jdbc.sql(practiceId, "select version from notification_settings_version where practice_id = :practiceId")
                .query(Long.class).optional().orElse(0L);
        return new SettingsView(version, connected, views);
    }

    /**
     * Saves one default. A channel must be one of the practice's refreshed channels; a setting that
     * would send nothing is saved and comes back with warnings.
     */
    @Transactional
    public SettingView save(UUID practiceId, UUID userId, Tool tool, Trigger trigger, DeliveryMode requestedMode,
                            ChatProvider requestedProvider, String teamId, String channelId) {
        if (!TRIGGERS.get(tool).contains(trigger)) {
            throw InvalidRequestException.field("trigger", trigger + " is not a trigger of " + tool
                    + "; it has " + TRIGGERS.get(tool));
        }
        DeliveryMode mode = mode(tool, requestedMode);
        ChatProvider provider = requestedProvider;
        ChannelRef channel = null;
        if (channelId != null && !channelId.isBlank()) {
            provider = provider == null ? (teamId == null ? ChatProvider.SLACK : ChatProvider.TEAMS) : provider;
            if (provider == ChatProvider.SLACK) {
                SlackChannel found = channels.find(practiceId, channelId).orElseThrow(() -> InvalidRequestException.field(
                        "channelId", "is not one of the practice's Slack channels; refresh the channel list"));
                channel = ChannelRef.slack(found.id(), found.name());
            } else {
                if (teamId == null || teamId.isBlank()) {
                    throw InvalidRequestException.field("teamId", "is required for a Teams channel");
                }
                TeamsChannels.TeamsChannel found = teamsChannels.find(practiceId, teamId, channelId)
                        .orElseThrow(() -> InvalidRequestException.field("channelId",
                                "is not one of the practice's Teams channels in that team; refresh the channel list"));
                channel = ChannelRef.teams(found.teamId(), found.id(), found.name());
            }
        }
        Instant now = Instant.now();
        jdbc.sql(practiceId, """
                insert into notification_setting (practice_id, tool, trigger, delivery_mode, default_provider,
                                                  team_id, channel_id, channel_name, updated_by, updated_at)
                values (:practiceId, :tool, :trigger, :mode, :provider, :teamId, :channelId, :channelName, :by, :at)
                on conflict (practice_id, tool, trigger) do update set delivery_mode = excluded.delivery_mode,
                    default_provider = excluded.default_provider, team_id = excluded.team_id,
                    channel_id = excluded.channel_id, channel_name = excluded.channel_name, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at
                """).param("tool", tool.name()).param("trigger", trigger.name()).param("mode", mode.name())
                .param("provider", provider == null ? null : provider.name())
                .param("teamId", channel == null ? null : channel.teamId())
                .param("channelId", channel == null ? null : channel.id())
                .param("channelName", channel == null ? null : channel.name())
                .param("by", userId).param("at", Timestamp.from(now)).update();
        publish(practiceId);
        List<Provider> connected = connectedProviders(practiceId);
        return stored(practiceId).stream()
                .filter(s -> s.tool() == tool && s.trigger() == trigger)
                .findFirst().map(s -> withWarnings(practiceId, s, connected)).orElseThrow();
    }

    /** A chat connection changed: consumers must learn which providers can deliver now. */
    @EventListener
    void on(ConnectionChanged changed) {
        publish(changed.practiceId());
    }

    /** Publishes the practice's settings snapshot again under a new version (see {@code SnapshotRepublisher}). */
    @Transactional
    public void republish(UUID practiceId) {
        publish(practiceId);
    }

    private void publish(UUID practiceId) {
        Instant now = Instant.now();
        long version = jdbc.sql(practiceId, """
                insert into notification_settings_version (practice_id, version, updated_at)
                values (:practiceId, 1, :at)
                on conflict (practice_id) do update set version = notification_settings_version.version + 1,
                    updated_at = excluded.updated_at
                returning version
                """).param("at", Timestamp.from(now)).query(Long.class).single();
        List<ToolTriggerSetting> settings = stored(practiceId).stream()
                .map(s -> new ToolTriggerSetting(s.tool(), s.trigger(), s.deliveryMode(), s.defaultProvider(),
                        s.defaultChannel()))
                .toList();
        events.publishEvent(new NotificationSettingsSnapshot(practiceId, version, connectedProviders(practiceId),
                settings, now));
    }

    /** Providers that can deliver now: a broken connection cannot, and the settings say so. */
    private List<Provider> connectedProviders(UUID practiceId) {
        List<Provider> connected = new ArrayList<>();
        slack.connection(practiceId).filter(c -> c.status() == ConnectionStatus.CONNECTED)
                .ifPresent(c -> connected.add(Provider.SLACK));
        if (teams.consented(practiceId)) {
            connected.add(Provider.MICROSOFT_TEAMS);
        }
        return connected;
    }

    private SettingView withWarnings(UUID practiceId, SettingView setting, List<Provider> connected) {
        List<SettingWarning> warnings = new ArrayList<>();
        if (setting.deliveryMode() != DeliveryMode.EMAIL_ONLY) {
            if (setting.defaultChannel() == null) {
                warnings.add(new SettingWarning(DeliveryReason.NO_CHANNEL_CONFIGURED.name(),
                        "No default channel is set: " + describe(setting) + " will send nothing by chat"
                                + (setting.deliveryMode() == DeliveryMode.CHAT_ONLY ? " and nothing at all." : ".")));
            } else if (!connected.contains(Provider.of(setting.defaultProvider()))) {
                warnings.add(new SettingWarning(DeliveryReason.PROVIDER_DISCONNECTED.name(),
                        setting.defaultProvider() + " is not connected: " + describe(setting)
                                + " will send nothing by chat until it is."));
            } else if (setting.defaultProvider() == ChatProvider.SLACK) {
                channels.find(practiceId, setting.defaultChannel().id()).ifPresent(channel -> {
                    if (channel.isArchived()) {
                        warnings.add(new SettingWarning(DeliveryReason.IS_ARCHIVED.name(),
                                "#" + channel.name() + " is archived."));
                    } else if (!channel.member()) {
                        warnings.add(new SettingWarning(DeliveryReason.NOT_IN_CHANNEL.name(),
                                "Invite the Switchboard app to #" + channel.name() + " or nothing can be posted there."));
                    }
                });
            }
        }
        return new SettingView(setting.tool(), setting.trigger(), setting.deliveryMode(), setting.defaultProvider(),
                setting.defaultChannel(), warnings, setting.updatedBy(), setting.updatedAt());
    }

    private static String describe(SettingView setting) {
        return setting.tool() + "/" + setting.trigger();
    }

    private static DeliveryMode mode(Tool tool, DeliveryMode requested) {
        if (tool == Tool.REGISTER) {
            return requested == null ? DeliveryMode.EMAIL_ONLY : requested;
        }
        if (requested != null && requested != DeliveryMode.CHAT_ONLY) {
            throw InvalidRequestException.field("deliveryMode", "only the register has a delivery mode; "
                    + tool + " notifications go to chat");
        }
        return DeliveryMode.CHAT_ONLY;
    }

    private List<SettingView> stored(UUID practiceId) {
        return jdbc.sql(practiceId, """
                select tool, trigger, delivery_mode, default_provider, team_id, channel_id, channel_name, updated_by,
                       updated_at
                from notification_setting where practice_id = :practiceId order by tool, trigger
                """).query((rs, row) -> {
                    ChatProvider provider = rs.getString("default_provider") == null ? null
                            : ChatProvider.valueOf(rs.getString("default_provider"));
                    ChannelRef channel = rs.getString("channel_id") == null ? null
                            : new ChannelRef(rs.getString("channel_id"), rs.getString("channel_name"), rs.getString("team_id"));
                    return new SettingView(Tool.valueOf(rs.getString("tool")), Trigger.valueOf(rs.getString("trigger")),
                            DeliveryMode.valueOf(rs.getString("delivery_mode")), provider, channel, List.of(),
                            rs.getObject("updated_by", UUID.class), rs.getTimestamp("updated_at").toInstant());
                }).list();
    }
}
