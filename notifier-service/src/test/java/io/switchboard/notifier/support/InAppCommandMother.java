package io.switchboard.notifier.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;

/** Builds in-app commands: by default a system notice (P3) for one user, with a fresh notification id. */
public final class InAppCommandMother {

    private UUID notificationId = UUID.randomUUID();
    private final UUID practiceId;
    private final UUID recipient;
    private String title = "Connect your Microsoft account in My Profile";
    private SourceRef source = new SourceRef(SourceKind.INTEGRATION_CONNECTION, UUID.randomUUID());

    private InAppCommandMother(UUID practiceId, UUID recipient) {
        this.practiceId = practiceId;
        this.recipient = recipient;
    }

    public static InAppCommandMother noticeFor(UUID practiceId, UUID recipient) {
        return new InAppCommandMother(practiceId, recipient);
    }

    public InAppCommandMother title(String value) {
        this.title = value;
        return this;
    }

    public InAppCommandMother source(SourceRef value) {
        this.source = value;
        return this;
    }

    public InAppNotificationRequested build() {
        return new InAppNotificationRequested(notificationId, practiceId, "evt-" + notificationId, source, recipient,
                new MessageContent(title, "Teams is now connected for the practice.",
                        List.of(new MessageField("Provider", "Microsoft Teams")),
                        "http://localhost:8080/profile", "My Profile"),
                Instant.now());
    }
}
