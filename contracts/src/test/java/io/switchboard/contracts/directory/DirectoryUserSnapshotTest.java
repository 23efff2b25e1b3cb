package io.switchboard.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.testsupport.DirectoryUserSnapshotMother;
import io.switchboard.contracts.testsupport.Ids;

/** A directory snapshot is keyed by the user and needs a usable email. */
class DirectoryUserSnapshotTest {

    @Test
    void isKeyedByTheUser() {
        assertThat(DirectoryUserSnapshotMother.sam().build().subject()).isEqualTo(Ids.SAM.toString());
    }

    @Test
    void refusesAnEmailThatIsNotAnAddress() {
        assertThatThrownBy(() -> DirectoryUserSnapshotMother.sam().email("sam").build())
                .hasMessageContaining("not an address");
        assertThatThrownBy(() -> DirectoryUserSnapshotMother.sam().email(null).build())
                .hasMessage("DirectoryUserSnapshot.email is required");
    }

    @Test
    void providerIdentitiesMayBeUnresolvedButNotBlank() {
        assertThat(DirectoryUserSnapshotMother.minimal().build().slackUserId()).isNull();
        assertThatThrownBy(() -> DirectoryUserSnapshotMother.sam().slackUserId(" ").build())
                .hasMessageContaining("must be null or non-blank");
    }
}
