package io.switchboard.contracts.testsupport;

import java.util.UUID;

import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.directory.Role;

/** Builds {@link DirectoryUserSnapshot} events. */
public final class DirectoryUserSnapshotMother {

    private UUID practiceId = Ids.PRACTICE;
    private UUID userId = Ids.SAM;
    private String email = "sam@harbour.example"; // reserved TLDs (RFC 2606) are addresses too: the dev stack uses them
    private String displayName = "Sam Lee";
    private Role role = Role.STAFF;
    private boolean active = true;
    private String slackUserId = "U0G9QF9C6";
    private String microsoftUserId = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    private DirectoryUserSnapshotMother() {
    }

    /** Sam, active staff, with both provider identities resolved. */
    public static DirectoryUserSnapshotMother sam() {
        return new DirectoryUserSnapshotMother();
    }

    /** A deactivated admin with no provider identity resolved. */
    public static DirectoryUserSnapshotMother minimal() {
        return new DirectoryUserSnapshotMother()
                .userId(Ids.ADMIN)
                .email("morgan@practice.example.com")
                .displayName("Morgan Admin")
                .role(Role.PRACTICE_ADMIN)
                .active(false)
                .slackUserId(null)
                .microsoftUserId(null);
    }

    public DirectoryUserSnapshotMother userId(UUID value) {
        this.userId = value;
        return this;
    }

    public DirectoryUserSnapshotMother email(String value) {
        this.email = value;
        return this;
    }

    public DirectoryUserSnapshotMother displayName(String value) {
        this.displayName = value;
        return this;
    }

    public DirectoryUserSnapshotMother role(Role value) {
        this.role = value;
        return this;
    }

    public DirectoryUserSnapshotMother active(boolean value) {
        this.active = value;
        return this;
    }

    public DirectoryUserSnapshotMother slackUserId(String value) {
        this.slackUserId = value;
        return this;
    }

    public DirectoryUserSnapshotMother microsoftUserId(String value) {
        this.microsoftUserId = value;
        return this;
    }

    public DirectoryUserSnapshot build() {
        return new DirectoryUserSnapshot(practiceId, userId, email, displayName, role, active, slackUserId,
                microsoftUserId);
    }
}
