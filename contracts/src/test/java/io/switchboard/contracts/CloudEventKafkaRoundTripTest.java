package io.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.contracts.testsupport.EventSamples;
import io.switchboard.contracts.testsupport.EventSamples.Sample;

/**
 * Events survive the real CloudEvents Kafka serializer and deserializer in binary mode, the way
 * producers publish and consumers read them: attributes as {@code ce_*} headers, data as the value.
 */
class CloudEventKafkaRoundTripTest {

    private static final EventCodec CODEC = EventCodec.standard();

    private final CloudEventSerializer serializer = new CloudEventSerializer();
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

    @BeforeEach
    void configure() {
        serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
        deserializer.configure(Map.of(), false);
    }

    @AfterEach
    void close() {
        serializer.close();
        deserializer.close();
    }

    static java.util.stream.Stream<Sample> samples() {
        return EventSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void binaryModeRoundTripKeepsAttributesExtensionsAndData(Sample sample) {
        EventMetadata meta = new EventMetadata(UUID.randomUUID(), "/switchboard/register-service",
                Instant.parse("2026-03-02T09:45:12.345678Z"), "corr-42", UUID.randomUUID().toString(),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        CloudEvent sent = CODEC.encode(sample.data(), meta);
        String topic = sample.type().topic().name();
        RecordHeaders headers = new RecordHeaders();

        byte[] value = serializer.serialize(topic, headers, sent);
        CloudEvent received = deserializer.deserialize(topic, headers, value);

        assertThat(header(headers, "ce_type")).isEqualTo(sample.type().type());
        assertThat(header(headers, "ce_practiceid")).isEqualTo(sample.data().practiceId().toString());
        assertThat(header(headers, "content-type")).isEqualTo(EventCodec.CONTENT_TYPE);
        assertThat(value).as("binary mode: the value is the data alone").isEqualTo(CODEC.toJson(sample.data()));

        assertThat(received.getId()).isEqualTo(meta.id().toString());
        assertThat(received.getSource()).isEqualTo(sent.getSource());
        assertThat(received.getType()).isEqualTo(sample.type().type());
        assertThat(received.getSubject()).isEqualTo(sample.data().subject());
        assertThat(received.getTime().toInstant()).isEqualTo(meta.time());
        assertThat(received.getDataSchema()).isEqualTo(sample.type().dataSchema());
        assertThat(received.getExtensionNames()).containsExactlyInAnyOrder(
                CloudEventExtensions.PRACTICE_ID, CloudEventExtensions.CORRELATION_ID,
                CloudEventExtensions.CAUSATION_ID, CloudEventExtensions.TRACEPARENT);
        for (String name : sent.getExtensionNames()) {
            assertThat(received.getExtension(name)).as(name).isEqualTo(sent.getExtension(name));
        }
        assertThat(EventCodec.practiceId(received)).isEqualTo(sample.data().practiceId());
        assertThat(CODEC.decode(received)).isEqualTo(sample.data());
    }

    private static String header(RecordHeaders headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
