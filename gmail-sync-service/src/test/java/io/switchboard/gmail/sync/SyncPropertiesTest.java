package io.switchboard.gmail.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SyncPropertiesTest {

    final SyncProperties properties = new SyncProperties(true, null, null, 0, 0, 0, Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    @Test
    void backoffDoublesPerFailureUpToTheCap() {
        assertThat(properties.backoff(1, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoff(4, null)).isEqualTo(Duration.ofSeconds(240));
        assertThat(properties.backoff(5, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff(60, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void waitsAtLeastWhatGmailAskedFor() {
        assertThat(properties.backoff(1, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    }
}
