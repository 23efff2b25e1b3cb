package io.switchboard.contracts.testsupport;

import java.util.List;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.contracts.register.ShareTargetKind;

/**
 * Share targets of every kind, with optional fields filled ({@link #everyKind()}) or empty
 * ({@link #minimalOfEveryKind()}).
 */
public final class ShareTargetMother {

    public static final ChannelRef FRONT_DESK = ChannelRef.slack("C024BE91L", "front-desk");
    public static final ChannelRef TEAMS_GENERAL =
            ChannelRef.teams("fbe2bf47-16c8-47cf-b4a5-4b9b187c508b", "19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2",
                    "General");

    private ShareTargetMother() {
    }

    /** One of each kind, with every optional field set. */
    public static List<ShareTarget> everyKind() {
        return List.of(
                ShareTarget.practiceDefault(),
                new ShareTarget(ShareTargetKind.EMAIL, List.of(Ids.SAM),
                        "jo@acme.example.com", null, null),
                ShareTarget.channel(ChatProvider.SLACK, FRONT_DESK),
                ShareTarget.directMessage(ChatProvider.SLACK, Ids.SAM),
                ShareTarget.mention(ChatProvider.TEAMS, List.of(Ids.SAM, Ids.ALEX), TEAMS_GENERAL));
    }

    /** One of each kind, with every optional field empty. */
    public static List<ShareTarget> minimalOfEveryKind() {
        return List.of(
                ShareTarget.practiceDefault(),
                ShareTarget.emailToUsers(List.of(Ids.SAM)),
                ShareTarget.emailToAddress("jo@acme.example.com"),
                ShareTarget.channel(null, null),
                ShareTarget.directMessage(null, Ids.SAM),
                ShareTarget.mention(null, List.of(Ids.SAM), null));
    }
}
