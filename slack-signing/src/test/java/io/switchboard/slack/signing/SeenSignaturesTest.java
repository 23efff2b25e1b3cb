package io.switchboard.slack.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SeenSignaturesTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final SeenSignatures seen = new SeenSignatures(clock, Duration.ofMinutes(10), 3);

    @Test
    void refusesASignatureSeenWithinTheRetention() {
        assertThat(seen.firstSighting("v0=aa")).isTrue();
        clock.advance(Duration.ofMinutes(9));

        assertThat(seen.firstSighting("v0=aa")).isFalse();
    }

    @Test
    void forgetsSignaturesOnceTheyHaveExpired() {
        seen.firstSighting("v0=aa");
        clock.advance(Duration.ofMinutes(10));

        assertThat(seen.firstSighting("v0=bb")).isTrue();
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void staysWithinItsCapacityDroppingTheOldest() {
        for (String signature : new String[] {"v0=1", "v0=2", "v0=3", "v0=4"}) {
            seen.firstSighting(signature);
        }

        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.firstSighting("v0=4")).isFalse();
    }
}
