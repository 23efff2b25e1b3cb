package io.switchboard.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the outbox relay.
 *
 * @param relayEnabled  whether this instance drains the outbox (off only in tests that simulate a
 *                      process dying between commit and publish)
 * @param pollInterval  how often the relay looks for rows when nothing woke it; a commit wakes it at once
 * @param batchSize     rows sent per round trip to the broker
 * @param retryBackoff  pause after the broker refused or timed out before trying the same rows again
 * @param sendTimeout   how long to wait for the broker to acknowledge a batch
 */
@ConfigurationProperties("switchboard.outbox")
public record OutboxProperties(Boolean relayEnabled, Duration pollInterval, Integer batchSize, Duration retryBackoff,
                               Duration sendTimeout) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    }
}
