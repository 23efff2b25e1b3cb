package io.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.directory.Role;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.contracts.register.ClientKind;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTargetKind;
import io.switchboard.contracts.workflow.CommentTarget;
import io.switchboard.contracts.workflow.MentionKind;
import io.switchboard.contracts.workflow.MoveReason;
import io.switchboard.contracts.workflow.OpenItemsDecision;
import io.switchboard.contracts.workflow.TaskCategory;
import io.switchboard.contracts.workflow.TaskResponseKind;
import io.switchboard.contracts.workflow.TaskStatus;
import io.switchboard.contracts.workflow.TaskType;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.contracts.testsupport.EventSamples;
import io.switchboard.contracts.testsupport.RecordSchemaWalker;
import io.switchboard.contracts.testsupport.Schemas;
import tools.jackson.databind.JsonNode;

/**
 * Proves the records and the hand-written schemas describe the same data, so neither can change
 * without the other: the same properties, the same enum constants, matching types and formats,
 * and "optional in the schema" meaning exactly "may be null in Java".
 */
class SchemaMatchesRecordsTest {

    static Stream<EventType<?>> types() {
        return EventCatalog.standard().types().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyRecordComponentIsASchemaPropertyAndEveryPropertyAComponent(EventType<?> type) {
        List<String> problems = new ArrayList<>();
        RecordSchemaWalker.walk(type.dataClass(), Schemas.document(type), new RecordSchemaWalker.Visitor() {
            @Override
            public void record(Class<?> recordClass, JsonNode objectSchema, String path) {
                Set<String> components = new TreeSet<>();
                Arrays.stream(recordClass.getRecordComponents()).forEach(c -> components.add(c.getName()));
                Set<String> properties = new TreeSet<>(Schemas.names(objectSchema.get("properties")));
                if (!components.equals(properties)) {
                    problems.add(path + ": record components " + components + " but schema properties " + properties);
                }
                Set<String> required = new TreeSet<>(Schemas.names(objectSchema.get("required")));
                required.removeAll(properties);
                if (!required.isEmpty()) {
                    problems.add(path + ": required but not declared " + required);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void javaEnumsListTheSameConstantsAsTheSchema(EventType<?> type) {
        List<String> problems = new ArrayList<>();
        RecordSchemaWalker.walk(type.dataClass(), Schemas.document(type), new RecordSchemaWalker.Visitor() {
            @Override
            public void value(Type valueType, JsonNode schema, String path) {
                Class<?> raw = RecordSchemaWalker.raw(valueType);
                if (raw.isEnum()) {
                    List<String> constants = Arrays.stream(raw.getEnumConstants())
                            .map(e -> ((Enum<?>) e).name()).toList();
                    List<String> listed = new ArrayList<>(Schemas.names(schema.get("enum")));
                    listed.remove(null);
                    if (!constants.equals(listed)) {
                        problems.add(path + ": " + raw.getSimpleName() + " is " + constants
                                + " but the schema lists " + listed);
                    }
                } else if (schema.has("enum")) {
                    problems.add(path + ": the schema has an enum but the Java type is " + raw.getSimpleName());
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyContractEnumIsCheckedAgainstSomeSchema() {
        Set<Class<?>> seen = new HashSet<>();
        types().forEach(type -> RecordSchemaWalker.walk(type.dataClass(), Schemas.document(type),
                new RecordSchemaWalker.Visitor() {
                    @Override
                    public void value(Type valueType, JsonNode schema, String path) {
                        Class<?> raw = RecordSchemaWalker.raw(valueType);
                        if (raw.isEnum()) {
                            seen.add(raw);
                        }
                    }
                }));
        assertThat(seen).containsExactlyInAnyOrder(CorrespondenceType.class, ShareTargetKind.class,
                ChatProvider.class, SourceKind.class, NotificationChannel.class, DeliveryOutcome.class,
                DeliveryReason.class, Provider.class, ConnectionScope.class, ConnectionStatus.class, Tool.class,
                Trigger.class, DeliveryMode.class, Role.class, MoveReason.class, OpenItemsDecision.class,
                ThreadParty.class, TaskType.class, TaskCategory.class, TaskStatus.class, TaskResponseKind.class,
                MentionKind.class, CommentTarget.class, ClientKind.class, EmailDirection.class, FiledBy.class,
                ActionedVia.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void componentTypesMatchSchemaTypesAndFormats(EventType<?> type) {
        JsonNode root = Schemas.document(type);
        List<String> problems = new ArrayList<>();
        RecordSchemaWalker.walk(type.dataClass(), root, new RecordSchemaWalker.Visitor() {
            @Override
            public void component(RecordComponent component, JsonNode objectSchema, JsonNode property, String path) {
                if (property == null) {
                    return;
                }
                boolean required = Schemas.names(objectSchema.get("required")).contains(component.getName());
                if (required == nullable(property)) {
                    problems.add(path + ": required properties must be non-null and optional ones nullable");
                }
                if (component.getType().isPrimitive() && !required) {
                    problems.add(path + ": a primitive is always present, so it must be required");
                }
            }

            @Override
            public void value(Type valueType, JsonNode schema, String path) {
                String problem = typeMismatch(root, valueType, schema);
                if (problem != null) {
                    problems.add(path + ": " + problem);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    /**
     * Across the samples every optional property is seen both empty and filled, and every required
     * one only filled: so an optional schema property really may be null in Java (else no sample
     * could leave it empty), and the samples exercise both states of every optional field.
     */
    @Test
    void samplesLeaveExactlyTheOptionalPropertiesEmptyAndFillEveryProperty() {
        Map<String, Set<String>> optionalBySchema = new HashMap<>();
        Map<String, Set<String>> allBySchema = new HashMap<>();
        types().forEach(type -> RecordSchemaWalker.walk(type.dataClass(), Schemas.document(type),
                new RecordSchemaWalker.Visitor() {
                    @Override
                    public void record(Class<?> recordClass, JsonNode objectSchema, String path) {
                        Set<String> all = new TreeSet<>(Schemas.names(objectSchema.get("properties")));
                        Set<String> optional = new TreeSet<>(all);
                        optional.removeAll(Schemas.names(objectSchema.get("required")));
                        allBySchema.put(recordClass.getSimpleName(), all);
                        optionalBySchema.put(recordClass.getSimpleName(), optional);
                    }
                }));
        Map<String, Set<String>> seenNull = new HashMap<>();
        Map<String, Set<String>> seenFilled = new HashMap<>();
        EventSamples.all().forEach(sample -> observe(sample.data(), seenNull, seenFilled));
        EventSamples.minimalValues().forEach(value -> observe(value, seenNull, seenFilled));

        assertThat(optionalBySchema.keySet()).as("records found in the schemas").hasSizeGreaterThan(11);
        optionalBySchema.forEach((record, optional) -> assertThat(seenNull.getOrDefault(record, Set.of()))
                .as("components of %s some sample leaves empty, vs the schema's optional properties", record)
                .isEqualTo(optional));
        allBySchema.forEach((record, all) -> assertThat(seenFilled.getOrDefault(record, Set.of()))
                .as("components of %s some sample fills, vs all the schema's properties", record)
                .isEqualTo(all));
    }

    private static void observe(Object value, Map<String, Set<String>> seenNull, Map<String, Set<String>> seenFilled) {
        if (value instanceof List<?> list) {
            list.forEach(element -> observe(element, seenNull, seenFilled));
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        String record = value.getClass().getSimpleName();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object componentValue;
            try {
                componentValue = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            (componentValue == null ? seenNull : seenFilled).computeIfAbsent(record, k -> new TreeSet<>())
                    .add(component.getName());
            observe(componentValue, seenNull, seenFilled);
        }
    }

    private static boolean nullable(JsonNode property) {
        if (property.has("anyOf")) {
            for (JsonNode branch : property.get("anyOf")) {
                if (Schemas.isNullType(branch)) {
                    return true;
                }
            }
            return false;
        }
        return types(property).contains("null");
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static String typeMismatch(JsonNode root, Type valueType, JsonNode schema) {
        Class<?> raw = RecordSchemaWalker.raw(valueType);
        if (raw.isRecord()) {
            JsonNode target = Schemas.target(root, schema);
            String expectedRef = "#/$defs/" + raw.getSimpleName();
            String ref = schema.has("$ref") ? schema.get("$ref").asString()
                    : schema.has("anyOf") ? schema.get("anyOf").get(0).path("$ref").asString() : null;
            if (!expectedRef.equals(ref)) {
                return "a " + raw.getSimpleName() + " is described by " + expectedRef + ", found " + ref;
            }
            return types(target).equals(Set.of("object")) ? null : expectedRef + " is not an object schema";
        }
        Set<String> types = types(schema);
        types.remove("null");
        String format = schema.has("format") ? schema.get("format").asString() : null;
        String expectedType;
        Set<String> allowedFormats = new HashSet<>();
        if (raw == UUID.class) {
            expectedType = "string";
            allowedFormats.add("uuid");
        } else if (raw == Instant.class) {
            expectedType = "string";
            allowedFormats.add("date-time");
        } else if (raw == String.class) {
            expectedType = "string";
            allowedFormats.addAll(Arrays.asList(null, "email", "uri"));
        } else if (raw.isEnum()) {
            expectedType = "string";
            allowedFormats.add(null);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expectedType = "boolean";
            allowedFormats.add(null);
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            expectedType = "integer";
            allowedFormats.add(null);
        } else if (raw == List.class) {
            if (!(valueType instanceof ParameterizedType)) {
                return "a raw List";
            }
            expectedType = "array";
            allowedFormats.add(null);
        } else {
            return "no JSON mapping is defined for " + raw.getName() + "; add one here and in the schema";
        }
        if (!types.equals(Set.of(expectedType))) {
            return raw.getSimpleName() + " should be JSON type " + expectedType + " but the schema says " + types;
        }
        if (!allowedFormats.contains(format)) {
            return raw.getSimpleName() + " should have format " + allowedFormats + " but the schema says " + format;
        }
        return null;
    }
}
