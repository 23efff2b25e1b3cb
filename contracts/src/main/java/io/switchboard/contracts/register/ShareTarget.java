package io.switchboard.contracts.register;

import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.common.Require;

/**
 * One place an entry should be shared to. A flat record with a {@link ShareTargetKind} rather than
 * a class hierarchy, so the JSON needs no polymorphic type information and partners read it as is.
 *
 * @param kind         what kind of target this is; decides which other fields are used
 * @param userIds      directory users: recipients ({@code EMAIL}), the one DM recipient
 *                     ({@code DIRECT_MESSAGE}) or the users to mention ({@code MENTION}); never {@code null}
 * @param emailAddress an address outside the directory ({@code EMAIL}), may be {@code null}
 * @param provider     the chat tool for {@code CHANNEL}, {@code DIRECT_MESSAGE} and {@code MENTION};
 *                     {@code null} means the practice's connected chat tool
 * @param channel      a channel override for {@code CHANNEL} and {@code MENTION}; {@code null} means the
 *                     practice default channel
 */
public record ShareTarget(ShareTargetKind kind, List<UUID> userIds, String emailAddress, ChatProvider provider,
                          ChannelRef channel) {

    public ShareTarget {
        Require.present(kind, "ShareTarget.kind");
        userIds = Require.list(userIds, "ShareTarget.userIds");
        Require.optionalText(emailAddress, "ShareTarget.emailAddress");
        switch (kind) {
            case EMAIL -> Require.that(!userIds.isEmpty() || emailAddress != null,
                    "an EMAIL share target needs userIds or an emailAddress");
            case DIRECT_MESSAGE -> Require.that(userIds.size() == 1,
                    "a DIRECT_MESSAGE share target names exactly one user, got " + userIds.size());
            case MENTION -> Require.that(!userIds.isEmpty(), "a MENTION share target names at least one user");
            case CHANNEL, USE_PRACTICE_DEFAULT -> {
            }
        }
        ChannelRef.requireUsableWith(provider, channel, "ShareTarget.channel");
    }

    public static ShareTarget practiceDefault() {
        return new ShareTarget(ShareTargetKind.USE_PRACTICE_DEFAULT, List.of(), null, null, null);
    }

    public static ShareTarget emailToUsers(List<UUID> userIds) {
        return new ShareTarget(ShareTargetKind.EMAIL, userIds, null, null, null);
    }

    public static ShareTarget emailToAddress(String emailAddress) {
        return new ShareTarget(ShareTargetKind.EMAIL, List.of(), emailAddress, null, null);
    }

    /** A post to {@code channel}, or to the provider's practice default channel when it is {@code null}. */
    public static ShareTarget channel(ChatProvider provider, ChannelRef channel) {
        return new ShareTarget(ShareTargetKind.CHANNEL, List.of(), null, provider, channel);
    }

    public static ShareTarget directMessage(ChatProvider provider, UUID userId) {
        return new ShareTarget(ShareTargetKind.DIRECT_MESSAGE, List.of(userId), null, provider, null);
    }

    public static ShareTarget mention(ChatProvider provider, List<UUID> userIds, ChannelRef channel) {
        return new ShareTarget(ShareTargetKind.MENTION, userIds, null, provider, channel);
    }
}
