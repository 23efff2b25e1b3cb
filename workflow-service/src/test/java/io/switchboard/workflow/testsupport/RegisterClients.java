package io.switchboard.workflow.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.register.ClientKind;
import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.platform.test.SharedInfrastructure;

/**
 * Plays the register: publishes client snapshots to the real {@code register.client.v1} (keyed by client, as
 * the register's outbox does), so workflow learns its clients the way it does in production.
 */
public final class RegisterClients {

    private static final EventCodec CODEC = EventCodec.standard();
    private static KafkaProducer<String, CloudEvent> producer;

    private RegisterClients() {
    }

    /** Publishes the client's snapshot: {@code active = false} is the register's archived or deleted client. */
    public static ClientSnapshot publish(UUID practiceId, UUID clientId, String displayName, boolean active,
                                         long version) {
        ClientSnapshot snapshot = new ClientSnapshot(practiceId, clientId, ClientKind.PERSON, displayName, null, null,
                List.of(), active, version, Instant.now());
        CloudEvent event = CODEC.encode(snapshot, EventMetadata.now("/test/register-service", null, null));
        try {
            producer().send(new ProducerRecord<>(Topics.REGISTER_CLIENT.name(), clientId.toString(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the client snapshot", e);
        }
        return snapshot;
    }

    private static synchronized KafkaProducer<String, CloudEvent> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new CloudEventSerializer());
        }
        return producer;
    }
}
