package io.switchboard.contracts.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.testsupport.ConnectionChangedMother;
import io.switchboard.contracts.testsupport.Ids;
import io.switchboard.contracts.testsupport.NotificationSettingsSnapshotMother;

/** Connection and settings events: one key per connection and practice, and no contradictory settings. */
class IntegrationEventsTest {

    @Test
    void connectionChangesAreKeyedPerConnection() {
        assertThat(ConnectionChangedMother.slackConnected().build().subject())
                .isEqualTo(Ids.PRACTICE + ":SLACK:practice");
        assertThat(ConnectionChangedMother.minimalUserConnectionBroken().build().subject())
                .isEqualTo(Ids.PRACTICE + ":MICROSOFT_TEAMS:user:" + Ids.SAM);
    }

    @Test
    void userScopeNeedsTheUserAndPracticeScopeHasNone() {
        assertThatThrownBy(() -> ConnectionChangedMother.slackConnected().scope(ConnectionScope.USER).build())
                .hasMessage("ConnectionChanged.userId is required for USER scope");
        assertThatThrownBy(() -> ConnectionChangedMother.minimalUserConnectionBroken()
                .scope(ConnectionScope.PRACTICE).build())
                .hasMessage("ConnectionChanged.userId must be null for PRACTICE scope");
    }

    @Test
    void connectionEventHasNoPlaceForACredential() {
        assertThat(ConnectionChanged.class.getRecordComponents())
                .extracting(c -> c.getName().toLowerCase())
                .noneMatch(name -> name.contains("token") || name.contains("secret") || name.contains("password"));
    }

    @Test
    void settingsSnapshotIsKeyedByPracticeAndRefusesDuplicatePairs() {
        assertThat(NotificationSettingsSnapshotMother.configured().build().subject())
                .isEqualTo(Ids.PRACTICE.toString());
        ToolTriggerSetting setting = NotificationSettingsSnapshotMother.minimalSetting();

        assertThatThrownBy(() -> NotificationSettingsSnapshotMother.minimal()
                .settings(List.of(setting, setting)).build())
                .hasMessageContaining("TASKS/TASK_ASSIGNED twice");
        assertThatThrownBy(() -> NotificationSettingsSnapshotMother.minimal()
                .connectedProviders(List.of(Provider.SLACK, Provider.SLACK)).build())
                .hasMessageContaining("lists a provider twice");
        assertThatThrownBy(() -> NotificationSettingsSnapshotMother.minimal().version(0).build())
                .hasMessageContaining("starts at 1");
    }

    @Test
    void aDefaultChannelNeedsItsProvider() {
        assertThatThrownBy(() -> new ToolTriggerSetting(Tool.REGISTER, Trigger.CORRESPONDENCE_SHARED,
                DeliveryMode.CHAT_ONLY, null, ChannelRef.slack("C1", "general")))
                .hasMessageContaining("provider is required");
    }

    @Test
    void chatModeWithoutAChannelIsAValidSettingThatSendsNothingByChat() {
        ToolTriggerSetting unset = new ToolTriggerSetting(Tool.REGISTER, Trigger.CORRESPONDENCE_SHARED,
                DeliveryMode.CHAT_ONLY, null, null);

        assertThat(unset.defaultChannel()).isNull();
    }

    @Test
    void eachChatProviderMapsToItsConnectionProvider() {
        assertThat(Provider.of(ChatProvider.SLACK)).isEqualTo(Provider.SLACK);
        assertThat(Provider.of(ChatProvider.TEAMS)).isEqualTo(Provider.MICROSOFT_TEAMS);
    }
}
