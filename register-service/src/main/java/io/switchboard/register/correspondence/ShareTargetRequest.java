package io.switchboard.register.correspondence;

import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.contracts.register.ShareTargetKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where to share an entry, as the caller asks for it; the contracts' {@link ShareTarget} decides which
 * combinations are meaningful (an EMAIL needs recipients, a DIRECT_MESSAGE exactly one user, …).
 */
public record ShareTargetRequest(
        @NotNull ShareTargetKind kind,
        @Size(max = 50) List<@NotNull UUID> userIds,
        @Email @Size(max = 320) String emailAddress,
        ChatProvider provider,
        @Valid Channel channel) {

    /** A chat channel override, as the channel list from the provider showed it. */
    public record Channel(@NotBlank @Size(max = 100) String id, @NotBlank @Size(max = 200) String name,
                          @Size(max = 200) String teamId) {
    }

    /** The contract's target; {@link IllegalArgumentException} when the combination is not meaningful. */
    ShareTarget toTarget() {
        ChannelRef ref = channel == null ? null
                : new ChannelRef(channel.id(), channel.name(), channel.teamId() == null || channel.teamId().isBlank()
                        ? null : channel.teamId());
        String address = emailAddress == null || emailAddress.isBlank() ? null : emailAddress.strip();
        return new ShareTarget(kind, userIds, address, provider, ref);
    }
}
