package io.switchboard.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.switchboard.contracts.CloudEventExtensions;

class TombstoneTest {

    private static final UUID PRACTICE = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();

    @Test
    void aNullValueKeyedByAnIdWithItsPracticeHeaderNamesWhatToRemove() {
        assertThat(Tombstone.of(record(CLIENT.toString(), null, PRACTICE.toString())))
                .contains(new Tombstone(PRACTICE, CLIENT));
    }

    @Test
    void aRecordWithAValueIsNoTombstone() {
        assertThat(Tombstone.of(record(CLIENT.toString(), "an event", PRACTICE.toString()))).isEmpty();
    }

    @Test
    void withoutThePracticeHeaderOrWithIdsThatAreNotUuidsThereIsNothingOfOursToRemove() {
        assertThat(Tombstone.of(record(CLIENT.toString(), null, null))).isEmpty();
        assertThat(Tombstone.of(record("not-a-uuid", null, PRACTICE.toString()))).isEmpty();
        assertThat(Tombstone.of(record(CLIENT.toString(), null, "not-a-uuid"))).isEmpty();
        assertThat(Tombstone.of(record(null, null, PRACTICE.toString()))).isEmpty();
    }

    private static ConsumerRecord<String, Object> record(String key, Object value, String practiceHeader) {
        ConsumerRecord<String, Object> record = new ConsumerRecord<>("register.client.v1", 0, 0L, key, value);
        if (practiceHeader != null) {
            record.headers().add("ce_" + CloudEventExtensions.PRACTICE_ID, practiceHeader.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
