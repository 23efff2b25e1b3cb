package io.switchboard.platform.messaging;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Static group membership (KIP-345) for every listener of an instance that has a stable name
 * ({@code switchboard.kafka.instance-id}): a member that is killed and comes back under the same
 * {@code group.instance.id} within the session timeout takes its partitions back with no rebalance, and the other
 * members keep theirs while it restarts.
 *
 * <p>The id must be unique among a group's members, and one instance may run several listeners in one group, so each
 * container gets {@code <instance>.<group>.<topics>} (characters Kafka does not allow in an id replaced by {@code _};
 * a second container with the same group and topics gets {@code .2}); spring-kafka appends {@code -n} for the
 * container's n-th consumer (from {@code -0}). Unset, members stay dynamic.
 */
final class StaticMembership {

    /** Kafka's limit and alphabet for {@code group.instance.id}, as for topic names. */
    private static final int MAX_LENGTH = 240;

    private final String instanceId;
    private final Set<String> issued = new HashSet<>();

    StaticMembership(String instanceId) {
        this.instanceId = instanceId == null ? "" : instanceId.trim();
    }

    void apply(ConcurrentMessageListenerContainer<?, ?> container, String group) {
        String[] topics = container.getContainerProperties().getTopics();
        if (instanceId.isEmpty() || group == null || topics == null) {
            return;
        }
        container.getContainerProperties().getKafkaConsumerProperties()
                .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, idFor(group, topics));
    }

    synchronized String idFor(String group, String... topics) {
        String[] sorted = topics.clone();
        Arrays.sort(sorted);
        String base = sanitize(instanceId + "." + group + "." + String.join("+", sorted));
        String id = base;
        for (int n = 2; !issued.add(id); n++) {
            id = base + "." + n;
        }
        return id;
    }

    private static String sanitize(String id) {
        String safe = id.replaceAll("[^a-zA-Z0-9._-]", "_");
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH);
    }
}
