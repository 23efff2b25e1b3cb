package io.switchboard.integration.settings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.Trigger;

/** One (tool, trigger) default as the settings page shows it, with what it would fail to send. */
public record SettingView(Tool tool, Trigger trigger, DeliveryMode deliveryMode, ChatProvider defaultProvider,
                          ChannelRef defaultChannel, List<SettingWarning> warnings, UUID updatedBy,
                          Instant updatedAt) {
}
