package io.switchboard.contracts;

import java.time.Duration;
import java.util.Objects;

/**
 * A Kafka topic as Switchboard creates it. Services create the topics they publish from these specs
 * so partitions, compaction and retention are declared once.
 *
 * @param name       versioned topic name; a breaking change is a new name
 * @param partitions bound on consumer parallelism for the topic
 * @param cleanup    {@link Cleanup#COMPACT} for snapshot topics (latest value per key wins)
 * @param retention  how long records are kept; ignored by compaction for the latest value per key
 */
public record TopicSpec(String name, int partitions, Cleanup cleanup, Duration retention) {

    /** Suffix of the dead-letter topic that receives records a consumer of this topic cannot handle. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public enum Cleanup { DELETE, COMPACT }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(retention, "retention");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
    }

    public boolean compacted() {
        return cleanup == Cleanup.COMPACT;
    }

    /** The dead-letter topic for this topic: same partition count, so a record keeps its partition. */
    public TopicSpec deadLetter() {
        return new TopicSpec(name + DEAD_LETTER_SUFFIX, partitions, Cleanup.DELETE, Duration.ofDays(14));
    }
}
