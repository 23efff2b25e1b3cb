package io.switchboard.contracts.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.testsupport.CorrespondenceDetailsMother;
import io.switchboard.contracts.testsupport.CorrespondenceRecordedMother;
import io.switchboard.contracts.testsupport.CorrespondenceSharedMother;
import io.switchboard.contracts.testsupport.Ids;

/** The register's events refuse what a notification could not be built from and cannot be changed once built. */
class CorrespondenceEventsTest {

    @Test
    void recordedEventIsKeyedByItsEntry() {
        assertThat(CorrespondenceRecordedMother.phoneMessageSharedEverywhere().build().subject())
                .isEqualTo(Ids.ENTRY.toString());
    }

    @Test
    void refusesAnEntryWithoutClientNameNamingTheField() {
        assertThatThrownBy(() -> CorrespondenceDetailsMother.phoneMessage().clientDisplayName(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("CorrespondenceDetails.clientDisplayName is required");
        assertThatThrownBy(() -> CorrespondenceDetailsMother.phoneMessage().entrySubject("  ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CorrespondenceDetails.entrySubject must not be blank");
    }

    @Test
    void refusesASummaryLongerThanTheLimit() {
        String longBody = "x".repeat(CorrespondenceDetails.SUMMARY_MAX_LENGTH + 1);

        assertThatThrownBy(() -> CorrespondenceDetailsMother.phoneMessage().summary(longBody).build())
                .hasMessageContaining("at most 500");
    }

    @Test
    void excerptCollapsesWhitespaceAndCutsLongBodies() {
        assertThat(CorrespondenceDetails.excerpt("  Called \n\n about   the BAS ")).isEqualTo("Called about the BAS");
        assertThat(CorrespondenceDetails.excerpt(" \n ")).isNull();
        String cut = CorrespondenceDetails.excerpt("word ".repeat(300));
        assertThat(cut).hasSizeLessThanOrEqualTo(CorrespondenceDetails.SUMMARY_MAX_LENGTH).endsWith("…");
        assertThat(CorrespondenceDetailsMother.phoneMessage().summary(cut).build().summary()).isEqualTo(cut);
    }

    @Test
    void shareTargetListsAreDefensiveImmutableCopies() {
        List<ShareTarget> targets = new ArrayList<>(List.of(ShareTarget.practiceDefault()));
        CorrespondenceRecorded recorded = CorrespondenceRecordedMother.minimal().shareTargets(targets).build();
        targets.add(ShareTarget.emailToAddress("jo@acme.example.com"));

        assertThat(recorded.shareTargets()).hasSize(1);
        assertThatThrownBy(() -> recorded.shareTargets().add(ShareTarget.practiceDefault()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingShareTargetsReadAsNotShared() {
        assertThat(CorrespondenceRecordedMother.minimal().shareTargets(null).build().shareTargets()).isEmpty();
    }

    @Test
    void sharingNeedsAtLeastOneTarget() {
        assertThatThrownBy(() -> CorrespondenceSharedMother.sharedEverywhere().targets(List.of()).build())
                .hasMessage("CorrespondenceShared.targets must have at least one element");
    }

    @Test
    void directMessageNamesExactlyOneUser() {
        assertThatThrownBy(() -> new ShareTarget(ShareTargetKind.DIRECT_MESSAGE, List.of(Ids.SAM, Ids.ALEX), null,
                ChatProvider.SLACK, null)).hasMessageContaining("exactly one user");
    }

    @Test
    void mentionAndEmailNeedSomeoneToReach() {
        assertThatThrownBy(() -> ShareTarget.mention(ChatProvider.TEAMS, List.of(), null))
                .hasMessageContaining("at least one user");
        assertThatThrownBy(() -> ShareTarget.emailToUsers(List.of()))
                .hasMessageContaining("needs userIds or an emailAddress");
    }

    @Test
    void channelOverrideNeedsItsProviderAndATeamsChannelItsTeam() {
        ChannelRef slackChannel = ChannelRef.slack("C1", "front-desk");
        ChannelRef teamsChannelWithoutTeam = new ChannelRef("19:abc@thread.tacv2", "General", null);

        assertThatThrownBy(() -> ShareTarget.channel(null, slackChannel)).hasMessageContaining("provider is required");
        assertThatThrownBy(() -> ShareTarget.channel(ChatProvider.TEAMS, teamsChannelWithoutTeam))
                .hasMessageContaining("needs teamId");
        assertThat(ShareTarget.channel(ChatProvider.SLACK, slackChannel).channel()).isEqualTo(slackChannel);
    }

    @Test
    void shareTargetRefusesNullUserIds() {
        List<UUID> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> ShareTarget.emailToUsers(withNull)).hasMessageContaining("must not contain null");
    }
}
