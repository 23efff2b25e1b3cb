package io.switchboard.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.switchboard.contracts.CloudEventExtensions;

/**
 * A tombstone on a compacted snapshot topic: no CloudEvent, the object's id as the key and its practice in the
 * {@code ce_practiceid} header (when the producer set one). Consumers of such topics drop the object it names.
 *
 * @param practiceId the practice the removed object belonged to
 * @param key        the removed object's id
 */
public record Tombstone(UUID practiceId, UUID key) {

    /** The tombstone {@code record} is, if it is one that names a practice and an object; else empty. */
    public static Optional<Tombstone> of(ConsumerRecord<String, ?> record) {
        if (record.value() != null || record.key() == null) {
            return Optional.empty();
        }
        Header practice = record.headers().lastHeader("ce_" + CloudEventExtensions.PRACTICE_ID);
        if (practice == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Tombstone(UUID.fromString(new String(practice.value(), StandardCharsets.UTF_8)),
                    UUID.fromString(record.key())));
        } catch (IllegalArgumentException notOurs) {
            // a key or header that is not a UUID: nothing of ours to remove
            return Optional.empty();
        }
    }
}
