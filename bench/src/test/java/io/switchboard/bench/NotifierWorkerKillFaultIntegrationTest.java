package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fault suite's smallest form, run by CI: 100 uniquely keyed messages, the Slack worker killed with
 * SIGKILL mid-batch and restarted; nothing may be lost and nothing posted twice.
 */
class NotifierWorkerKillFaultIntegrationTest {

    @Test
    void killingTheSlackWorkerMidBatchLosesNothingAndPostsNothingTwice() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<FaultSuite.Result> results = FaultSuiteMain.run(root, Path.of("target", "faults-test").toAbsolutePath(), true, 100,
                new Console(System.out));
        System.out.println(FaultSuiteMain.report(results, true, 100));

        FaultSuite.Result kill = results.get(0);
        assertThat(kill.accepted()).isEqualTo(100);
        assertThat(kill.lost()).as("lost %s", kill.lostEntries()).isZero();
        assertThat(kill.duplicated()).isZero();
        assertThat(kill.delivered() + kill.reportedFailed()).isGreaterThanOrEqualTo(kill.accepted());
    }
}
