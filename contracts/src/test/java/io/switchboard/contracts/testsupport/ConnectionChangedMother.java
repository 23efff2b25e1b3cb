package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;

/** Builds {@link ConnectionChanged} events. */
public final class ConnectionChangedMother {

    private UUID practiceId = Ids.PRACTICE;
    private Provider provider = Provider.SLACK;
    private ConnectionScope scope = ConnectionScope.PRACTICE;
    private UUID userId;
    private ConnectionStatus status = ConnectionStatus.CONNECTED;
    private String externalId = "T024BE7LD";
    private String externalName = "Acme Accounting";
    private String statusReason = "Installed by Morgan";
    private UUID changedBy = Ids.ADMIN;
    private Instant changedAt = Ids.RECORDED;

    private ConnectionChangedMother() {
    }

    /** The admin installed Slack for the practice. */
    public static ConnectionChangedMother slackConnected() {
        return new ConnectionChangedMother();
    }

    /** Sam's own Microsoft connection broke, detected by Switchboard: nobody changed it, nothing else known. */
    public static ConnectionChangedMother minimalUserConnectionBroken() {
        return new ConnectionChangedMother()
                .provider(Provider.MICROSOFT_TEAMS)
                .user(Ids.SAM)
                .status(ConnectionStatus.BROKEN)
                .external(null, null)
                .statusReason(null)
                .changedBy(null);
    }

    public ConnectionChangedMother provider(Provider value) {
        this.provider = value;
        return this;
    }

    /** User scope for {@code user}; {@code null} makes it practice scope. */
    public ConnectionChangedMother user(UUID user) {
        this.scope = user == null ? ConnectionScope.PRACTICE : ConnectionScope.USER;
        this.userId = user;
        return this;
    }

    public ConnectionChangedMother scope(ConnectionScope value) {
        this.scope = value;
        return this;
    }

    public ConnectionChangedMother status(ConnectionStatus value) {
        this.status = value;
        return this;
    }

    public ConnectionChangedMother external(String id, String name) {
        this.externalId = id;
        this.externalName = name;
        return this;
    }

    public ConnectionChangedMother statusReason(String value) {
        this.statusReason = value;
        return this;
    }

    public ConnectionChangedMother changedBy(UUID value) {
        this.changedBy = value;
        return this;
    }

    public ConnectionChanged build() {
        return new ConnectionChanged(practiceId, provider, scope, userId, status, externalId, externalName,
                statusReason, changedBy, changedAt);
    }
}
