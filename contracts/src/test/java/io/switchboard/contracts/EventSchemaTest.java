package io.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.switchboard.contracts.testsupport.EventSamples;
import io.switchboard.contracts.testsupport.EventSamples.Sample;
import io.switchboard.contracts.testsupport.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every published event, serialised by {@link EventCodec} exactly as producers do, validates
 * against its JSON Schema; and instances broken in the ways a producer bug would break them do not,
 * so the validation can fail.
 */
class EventSchemaTest {

    private static final EventCodec CODEC = EventCodec.standard();
    private static final EventMetadata META = new EventMetadata(UUID.randomUUID(), "/switchboard/contracts-test",
            Instant.parse("2026-03-02T09:45:12Z"), null, null, null);

    static Stream<EventType<?>> types() {
        return EventCatalog.standard().types().stream();
    }

    static Stream<Sample> samples() {
        return EventSamples.all();
    }

    /** The JSON data of the CloudEvent the codec builds for {@code data}. */
    static ObjectNode serialised(EventData data) {
        byte[] bytes = CODEC.encode(data, META).getData().toBytes();
        return (ObjectNode) Schemas.JSON.readTree(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyStandardTypeHasASchemaFileNamedAfterItsType(EventType<?> type) {
        JsonNode schema = Schemas.document(type);

        assertThat(schema).as("classpath resource %s", type.schemaResource()).isNotNull();
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("title").asString()).isEqualTo(type.dataClass().getSimpleName());
    }

    @Test
    void everyStandardTypeHasAFilledAndAnEmptySample() {
        types().forEach(type -> assertThat(EventSamples.of(type))
                .as("samples of %s", type.type())
                .extracting(Sample::optionals)
                .contains(EventSamples.Optionals.FILLED, EventSamples.Optionals.EMPTY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyStandardEventValidatesAgainstItsSchema(Sample sample) {
        assertThat(Schemas.validate(sample.type(), serialised(sample.data()))).isEmpty();
    }

    /**
     * The schemas leave additionalProperties open for evolution, so validation alone would not
     * notice a property the record writes by accident (a helper method Jackson takes for a getter).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serialisedEventWritesOnlyPropertiesItsSchemaDeclares(Sample sample) {
        JsonNode root = Schemas.document(sample.type());
        List<String> undeclared = new ArrayList<>();
        collectUndeclared(root, root, serialised(sample.data()), "$", undeclared);
        assertThat(undeclared).isEmpty();
    }

    static Stream<Arguments> requiredProperties() {
        return types().flatMap(type -> Schemas.names(Schemas.document(type).get("required")).stream()
                .map(property -> Arguments.of(type, property)));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredProperties")
    void eventMissingARequiredPropertyDoesNotValidate(EventType<?> type, String property) {
        ObjectNode broken = serialised(EventSamples.full(type).data());
        broken.remove(property);

        assertThat(Schemas.validate(type, broken)).extracting(e -> e.getKeyword()).contains("required");
    }

    @ParameterizedTest(name = "{0} with {1} = null")
    @MethodSource("requiredProperties")
    void eventWithNullForARequiredPropertyDoesNotValidate(EventType<?> type, String property) {
        ObjectNode broken = serialised(EventSamples.full(type).data());
        broken.putNull(property);

        assertThat(Schemas.validate(type, broken)).isNotEmpty();
    }

    static Stream<Arguments> enumLocations() {
        return locations(node -> node.has("enum"));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("enumLocations")
    void eventWithAValueOutsideAnEnumDoesNotValidate(EventType<?> type, String pointer) {
        ObjectNode broken = serialised(EventSamples.full(type).data());
        replace(broken, pointer, "NOT_A_CONSTANT");

        assertThat(Schemas.validate(type, broken)).extracting(e -> e.getKeyword()).contains("enum");
    }

    static Stream<Arguments> formattedLocations() {
        return locations(node -> node.has("format"));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("formattedLocations")
    void eventWithAMalformedUuidTimestampOrAddressDoesNotValidate(EventType<?> type, String pointer) {
        ObjectNode broken = serialised(EventSamples.full(type).data());
        replace(broken, pointer, "not well formed");

        assertThat(Schemas.validate(type, broken)).extracting(e -> e.getKeyword()).contains("format");
    }

    @Test
    void brokenInstancesCoverEveryTypeSoNoSchemaIsVacuouslyPermissive() {
        Map<String, Integer> brokenPerType = new HashMap<>();
        Stream.of(requiredProperties(), enumLocations(), formattedLocations()).flatMap(s -> s)
                .forEach(args -> brokenPerType.merge(((EventType<?>) args.get()[0]).type(), 1, Integer::sum));

        assertThat(brokenPerType.keySet()).containsExactlyInAnyOrderElementsOf(
                types().map(EventType::type).toList());
        assertThat(enumLocations().map(a -> ((EventType<?>) a.get()[0]).type()).distinct().count())
                .as("types with an enum to break").isGreaterThanOrEqualTo(9);
    }

    @Test
    void sharedDefinitionsAreIdenticalInEverySchemaFile() {
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, String> firstIn = new HashMap<>();
        types().forEach(type -> {
            JsonNode defs = Schemas.document(type).get("$defs");
            if (defs == null) {
                return;
            }
            for (String name : Schemas.names(defs)) {
                JsonNode seen = first.putIfAbsent(name, defs.get(name));
                firstIn.putIfAbsent(name, type.type());
                assertThat(defs.get(name)).as("$defs/%s in %s vs in %s", name, type.type(), firstIn.get(name))
                        .isEqualTo(seen == null ? defs.get(name) : seen);
            }
        });
        assertThat(first).isNotEmpty();
    }

    /** JSON pointers, in the full sample of each type, to a string value whose schema matches {@code test}. */
    private static Stream<Arguments> locations(java.util.function.Predicate<JsonNode> test) {
        List<Arguments> found = new ArrayList<>();
        types().forEach(type -> {
            JsonNode root = Schemas.document(type);
            List<String> pointers = new ArrayList<>();
            collectStringsMatching(root, root, serialised(EventSamples.full(type).data()), "", test, pointers);
            pointers.forEach(pointer -> found.add(Arguments.of(type, pointer)));
        });
        return found.stream();
    }

    private static void collectStringsMatching(JsonNode root, JsonNode schema, JsonNode instance, String pointer,
                                               java.util.function.Predicate<JsonNode> test, List<String> out) {
        JsonNode target = Schemas.target(root, schema);
        if (instance.isString() && test.test(target)) {
            out.add(pointer);
        } else if (instance.isObject() && target.has("properties")) {
            for (String name : Schemas.names(instance)) {
                JsonNode property = target.get("properties").get(name);
                if (property != null) {
                    collectStringsMatching(root, property, instance.get(name), pointer + "/" + name, test, out);
                }
            }
        } else if (instance.isArray() && target.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                collectStringsMatching(root, target.get("items"), instance.get(i), pointer + "/" + i, test, out);
            }
        }
    }

    private static void collectUndeclared(JsonNode root, JsonNode schema, JsonNode instance, String path,
                                          List<String> out) {
        JsonNode target = Schemas.target(root, schema);
        if (instance.isObject()) {
            JsonNode properties = target.get("properties");
            for (String name : Schemas.names(instance)) {
                JsonNode property = properties == null ? null : properties.get(name);
                if (property == null) {
                    out.add(path + "." + name);
                } else {
                    collectUndeclared(root, property, instance.get(name), path + "." + name, out);
                }
            }
        } else if (instance.isArray() && target.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                collectUndeclared(root, target.get("items"), instance.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static void replace(ObjectNode document, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = document.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).put(last, value);
        }
    }
}
