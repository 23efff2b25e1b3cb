package io.switchboard.sandbox.recording;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the recorder keeps: the last {@code capacity} requests, bodies up to {@code maxBodyChars}, and
 * the named {@code headers} ({@code authorization} always masked).
 */
@ConfigurationProperties("sandbox.recording")
public record RecordingProperties(
        @DefaultValue("10000") int capacity,
        @DefaultValue("65536") int maxBodyChars,
        @DefaultValue({"authorization", "content-type", "accept", "user-agent"}) List<String> headers) {
}
