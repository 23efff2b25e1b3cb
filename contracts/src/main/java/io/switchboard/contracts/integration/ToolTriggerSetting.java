package io.switchboard.contracts.integration;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.common.Require;

/**
 * The default delivery for one (tool, trigger) pair. A chat mode without a channel is allowed: it
 * is the "would send nothing" setting the admin is warned about, and entries that hit it are
 * reported {@code NOT_SENT / NO_CHANNEL_CONFIGURED}.
 *
 * @param tool            register, workflow or tasks
 * @param trigger         what fires it
 * @param deliveryMode    email, chat or both
 * @param defaultProvider the chat tool for the chat part, may be {@code null}
 * @param defaultChannel  the default channel, may be {@code null}; needs {@code defaultProvider}
 */
public record ToolTriggerSetting(Tool tool, Trigger trigger, DeliveryMode deliveryMode, ChatProvider defaultProvider,
                                 ChannelRef defaultChannel) {

    public ToolTriggerSetting {
        Require.present(tool, "ToolTriggerSetting.tool");
        Require.present(trigger, "ToolTriggerSetting.trigger");
        Require.present(deliveryMode, "ToolTriggerSetting.deliveryMode");
        ChannelRef.requireUsableWith(defaultProvider, defaultChannel, "ToolTriggerSetting.defaultChannel");
    }
}
