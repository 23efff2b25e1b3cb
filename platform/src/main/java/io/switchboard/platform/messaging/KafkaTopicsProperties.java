package io.switchboard.platform.messaging;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics a service works with, by name from {@code io.switchboard.contracts.Topics}.
 *
 * @param publishes         topics it publishes to; created with their registry settings
 * @param consumes          topics it consumes; created too (so start order does not matter) along with
 *                          their dead-letter topics
 * @param replicationFactor replication of created topics: 1 for one broker, 3 in production
 * @param groupSuffix       appended to every listener's consumer group; tests use it to isolate contexts
 *                          that share one broker
 * @param instanceId        this instance's stable name (a StatefulSet pod name, {@code notifier-slack-1}): when
 *                          set, every listener joins its group as a static member ({@code group.instance.id}), so a
 *                          restarted instance takes its partitions back without a rebalance; unset, members are
 *                          dynamic. Unique per instance of a service, the same across its restarts.
 */
@ConfigurationProperties("switchboard.kafka")
public record KafkaTopicsProperties(List<String> publishes, List<String> consumes, Short replicationFactor,
                                    String groupSuffix, String instanceId) {

    public KafkaTopicsProperties {
        publishes = publishes == null ? List.of() : List.copyOf(publishes);
        consumes = consumes == null ? List.of() : List.copyOf(consumes);
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        groupSuffix = groupSuffix == null ? "" : groupSuffix;
        instanceId = instanceId == null ? "" : instanceId.trim();
    }
}
