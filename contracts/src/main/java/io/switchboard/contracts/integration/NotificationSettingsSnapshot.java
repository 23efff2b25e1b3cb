package io.switchboard.contracts.integration;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * The whole of a practice's notification settings, published on every change to a compacted topic
 * keyed by the practice: a consumer that reads the topic from the start has every practice's
 * current settings without calling integration-service.
 *
 * @param practiceId         the tenant; the event subject
 * @param version            increases with every change, so a consumer can ignore an older snapshot
 * @param connectedProviders providers with a working practice-level connection, each once
 * @param settings           one entry per configured (tool, trigger) pair, each pair once
 * @param updatedAt          when the settings or connections last changed
 */
public record NotificationSettingsSnapshot(UUID practiceId, long version, List<Provider> connectedProviders,
                                           List<ToolTriggerSetting> settings, Instant updatedAt)
        implements EventData {

    public NotificationSettingsSnapshot {
        Require.present(practiceId, "NotificationSettingsSnapshot.practiceId");
        Require.that(version >= 1, "NotificationSettingsSnapshot.version starts at 1");
        connectedProviders = Require.list(connectedProviders, "NotificationSettingsSnapshot.connectedProviders");
        Require.that(Set.copyOf(connectedProviders).size() == connectedProviders.size(),
                "NotificationSettingsSnapshot.connectedProviders lists a provider twice");
        settings = Require.list(settings, "NotificationSettingsSnapshot.settings");
        Set<String> pairs = new HashSet<>();
        for (ToolTriggerSetting setting : settings) {
            Require.that(pairs.add(setting.tool() + "/" + setting.trigger()),
                    "NotificationSettingsSnapshot.settings has " + setting.tool() + "/" + setting.trigger() + " twice");
        }
        Require.present(updatedAt, "NotificationSettingsSnapshot.updatedAt");
    }

    @Override
    public String subject() {
        return practiceId.toString();
    }
}
