package io.switchboard.contracts;

import java.util.UUID;

/**
 * The data of an event Switchboard publishes: an immutable record, scoped to one practice and
 * keyed by the aggregate it is about.
 */
public interface EventData {

    /** The tenant: every event belongs to exactly one practice. */
    UUID practiceId();

    /**
     * The aggregate this event is about. It is the CloudEvents {@code subject} and the Kafka record
     * key, so the events of one aggregate land on one partition and keep their order.
     */
    String subject();
}
