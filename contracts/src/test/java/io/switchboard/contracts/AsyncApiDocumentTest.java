package io.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.contracts.testsupport.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document partners read describes the same topics and event types as the code:
 * every topic is a channel with its partitions and cleanup policy, every event type is a message
 * on its topic's channel whose payload is the type's schema file.
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "asyncapi.yaml";

    private static JsonNode asyncApi;
    private static Map<String, JsonNode> channelsByAddress;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the classpath").isNotNull();
            asyncApi = YAMLMapper.builder().build().readTree(in);
        }
        channelsByAddress = new HashMap<>();
        asyncApi.get("channels").forEach(channel -> channelsByAddress.put(channel.path("address").asString(), channel));
    }

    @Test
    void isAnAsyncApi3DocumentWithTheDevServer() {
        assertThat(asyncApi.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("info").path("title").asString()).isNotBlank();
        assertThat(asyncApi.path("servers").path("dev").path("host").asString()).isEqualTo("localhost:9092");
        assertThat(asyncApi.path("servers").path("dev").path("protocol").asString()).isEqualTo("kafka");
    }

    @Test
    void namesEveryTopicAsAChannelWithItsPartitionsCleanupAndDeadLetterTopic() {
        assertThat(channelsByAddress.keySet())
                .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
        for (TopicSpec topic : Topics.all()) {
            JsonNode channel = channelsByAddress.get(topic.name());
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asString()).as(topic.name()).isEqualTo(topic.name());
            assertThat(kafka.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(kafka.path("topicConfiguration").path("cleanup.policy").get(0).asString()).as(topic.name())
                    .isEqualTo(topic.cleanup().name().toLowerCase());
            assertThat(kafka.path("topicConfiguration").path("retention.ms").asLong()).as(topic.name())
                    .isEqualTo(topic.retention().toMillis());
            assertThat(channel.path("x-dead-letter-topic").asString()).isEqualTo(topic.deadLetter().name());
        }
    }

    @Test
    void describesEveryEventTypeOnItsTopicWithItsSchemaAndCloudEventsHeaders() {
        for (EventType<?> type : EventCatalog.standard().types()) {
            JsonNode channel = channelsByAddress.get(type.topic().name());
            JsonNode message = messageOfType(type.type());

            assertThat(message).as("a message named " + type.type()).isNotNull();
            assertThat(channelMessageTypes(channel)).as("messages of " + type.topic().name()).contains(type.type());
            assertThat(message.path("payload").path("schema").path("$ref").asString())
                    .isEqualTo("./" + type.schemaResource());
            assertThat(message.path("headers").path("allOf").get(0).path("$ref").asString())
                    .isEqualTo("#/components/schemas/CloudEventHeaders");
            assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_type").path("const")
                    .asString()).isEqualTo(type.type());
        }
    }

    @Test
    void everySchemaTheDocumentReferencesExists() {
        List<String> refs = new ArrayList<>();
        collectFileRefs(asyncApi, refs);

        assertThat(refs).hasSize(EventCatalog.standard().types().size());
        assertThat(refs).allSatisfy(ref -> assertThat(Schemas.resource(ref.substring(2))).as(ref).isNotNull());
    }

    @Test
    void headerSchemaDeclaresEveryCloudEventsAttributeProducersSet() {
        JsonNode headers = asyncApi.path("components").path("schemas").path("CloudEventHeaders");

        assertThat(Schemas.names(headers.get("properties"))).contains("ce_id", "ce_source", "ce_type",
                "ce_specversion", "ce_time", "ce_subject", "ce_dataschema", "content-type",
                "ce_" + CloudEventExtensions.PRACTICE_ID, "ce_" + CloudEventExtensions.CORRELATION_ID,
                "ce_" + CloudEventExtensions.CAUSATION_ID, "ce_" + CloudEventExtensions.TRACEPARENT);
        assertThat(Schemas.names(headers.get("required"))).contains("ce_id", "ce_type", "ce_practiceid");
    }

    @Test
    void everyOperationSendsOnADeclaredChannelItsOwnMessages() {
        asyncApi.get("operations").forEach(operation -> {
            assertThat(operation.path("action").asString()).isEqualTo("send");
            String channelRef = operation.path("channel").path("$ref").asString();
            assertThat(asyncApi.at(channelRef.substring(1)).isMissingNode()).as(channelRef).isFalse();
            operation.path("messages").forEach(m -> assertThat(m.path("$ref").asString()).startsWith(channelRef + "/"));
        });
        assertThat(asyncApi.get("operations").size()).isEqualTo(
                (int) EventCatalog.standard().types().stream().map(EventType::topic).distinct().count());
    }

    private static JsonNode messageOfType(String type) {
        for (JsonNode message : asyncApi.path("components").path("messages")) {
            if (type.equals(message.path("name").asString())) {
                return message;
            }
        }
        return null;
    }

    private static List<String> channelMessageTypes(JsonNode channel) {
        List<String> types = new ArrayList<>();
        channel.path("messages").forEach(m -> types.add(asyncApi.at(m.path("$ref").asString().substring(1))
                .path("name").asString()));
        return types;
    }

    private static void collectFileRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asString().startsWith("./")) {
                out.add(ref.asString());
            }
            node.forEach(child -> collectFileRefs(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectFileRefs(child, out));
        }
    }
}
