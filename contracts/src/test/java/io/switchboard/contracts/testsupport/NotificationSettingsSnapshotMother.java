package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.ToolTriggerSetting;
import io.switchboard.contracts.integration.Trigger;

/** Builds {@link NotificationSettingsSnapshot} events and their {@link ToolTriggerSetting}s. */
public final class NotificationSettingsSnapshotMother {

    private UUID practiceId = Ids.PRACTICE;
    private long version = 7;
    private List<Provider> connectedProviders = List.of(Provider.SLACK, Provider.MICROSOFT_TEAMS, Provider.GMAIL);
    private List<ToolTriggerSetting> settings = List.of(
            new ToolTriggerSetting(Tool.REGISTER, Trigger.CORRESPONDENCE_SHARED, DeliveryMode.EMAIL_AND_CHAT,
                    ChatProvider.SLACK, ShareTargetMother.FRONT_DESK),
            new ToolTriggerSetting(Tool.WORKFLOW, Trigger.JOB_STAGE_ENTERED, DeliveryMode.CHAT_ONLY,
                    ChatProvider.TEAMS, ShareTargetMother.TEAMS_GENERAL),
            minimalSetting());
    private Instant updatedAt = Ids.RECORDED;

    private NotificationSettingsSnapshotMother() {
    }

    /** Everything connected, the register sharing to #front-desk and email. */
    public static NotificationSettingsSnapshotMother configured() {
        return new NotificationSettingsSnapshotMother();
    }

    /** A new practice: nothing connected, nothing configured. */
    public static NotificationSettingsSnapshotMother minimal() {
        return new NotificationSettingsSnapshotMother().version(1).connectedProviders(List.of()).settings(List.of());
    }

    /** A tasks default that names no chat channel (the "would send nothing" case for chat modes). */
    public static ToolTriggerSetting minimalSetting() {
        return new ToolTriggerSetting(Tool.TASKS, Trigger.TASK_ASSIGNED, DeliveryMode.EMAIL_ONLY, null, null);
    }

    public NotificationSettingsSnapshotMother version(long value) {
        this.version = value;
        return this;
    }

    public NotificationSettingsSnapshotMother connectedProviders(List<Provider> value) {
        this.connectedProviders = value;
        return this;
    }

    public NotificationSettingsSnapshotMother settings(List<ToolTriggerSetting> value) {
        this.settings = value;
        return this;
    }

    public NotificationSettingsSnapshot build() {
        return new NotificationSettingsSnapshot(practiceId, version, connectedProviders, settings, updatedAt);
    }
}
