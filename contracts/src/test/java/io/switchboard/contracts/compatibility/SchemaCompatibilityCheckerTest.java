package io.switchboard.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.compatibility.SchemaCompatibilityChecker.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The checker accepts the changes the contract allows and rejects each kind of breaking change. */
class SchemaCompatibilityCheckerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BASELINE = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "entryId": { "type": "string", "format": "uuid" },
                "kind":    { "type": "string", "enum": ["PHONE_MESSAGE", "FILE_NOTE"] },
                "note":    { "type": ["string", "null"], "maxLength": 500 },
                "targets": { "type": "array", "items": { "$ref": "#/$defs/Target" } }
              },
              "required": ["entryId", "kind", "targets"],
              "$defs": {
                "Target": {
                  "type": "object",
                  "properties": { "userId": { "type": "string", "format": "uuid" } },
                  "required": ["userId"]
                }
              }
            }
            """;

    private static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** The baseline with {@code from} replaced by {@code to}; fails loudly if {@code from} is not there. */
    private static JsonNode edited(String from, String to) {
        assertThat(BASELINE).as("the edit's anchor").contains(from);
        return parse(BASELINE.replace(from, to));
    }

    private static List<Violation> check(JsonNode current) {
        return SchemaCompatibilityChecker.check(parse(BASELINE), current);
    }

    @Test
    void acceptsAnUnchangedSchema() {
        assertThat(check(parse(BASELINE))).isEmpty();
    }

    @Test
    void acceptsAddingAnOptionalProperty() {
        JsonNode current = edited("\"note\":", "\"callerName\": { \"type\": [\"string\", \"null\"] },\n \"note\":");

        assertThat(check(current)).isEmpty();
    }

    @Test
    void acceptsAddingAnEnumValueAndRewordingDescriptions() {
        JsonNode current = edited("\"enum\": [\"PHONE_MESSAGE\", \"FILE_NOTE\"]",
                "\"enum\": [\"PHONE_MESSAGE\", \"FILE_NOTE\", \"EMAIL_IN\"], \"description\": \"now documented\"");

        assertThat(check(current)).isEmpty();
    }

    @Test
    void acceptsLooseningALimitOrAdditionalProperties() {
        JsonNode baseline = parse(BASELINE.replace("\"required\": [\"userId\"]",
                "\"required\": [\"userId\"], \"additionalProperties\": false"));
        JsonNode current = parse(BASELINE.replace("\"maxLength\": 500", "\"maxLength\": 2000"));

        assertThat(SchemaCompatibilityChecker.check(baseline, current)).isEmpty();
    }

    @Test
    void rejectsARemovedSchema() {
        assertThat(SchemaCompatibilityChecker.check(parse(BASELINE), null))
                .singleElement().satisfies(v -> assertThat(v.problem()).contains("removed"));
    }

    @Test
    void rejectsARemovedProperty() {
        JsonNode current = edited("\"note\":    { \"type\": [\"string\", \"null\"], \"maxLength\": 500 },", "");

        assertThat(check(current)).singleElement()
                .isEqualTo(new Violation("#/properties/note", "the property was removed"));
    }

    @Test
    void rejectsAChangedType() {
        JsonNode current = edited("\"entryId\": { \"type\": \"string\"", "\"entryId\": { \"type\": \"integer\"");

        assertThat(check(current)).extracting(Violation::toString)
                .containsExactly("#/properties/entryId: type changed from string to integer");
    }

    @Test
    void rejectsAnOptionalPropertyBecomingNonNullableOrTheReverse() {
        JsonNode current = edited("\"note\":    { \"type\": [\"string\", \"null\"]",
                "\"note\": { \"type\": \"string\"");

        assertThat(check(current)).extracting(Violation::path).containsExactly("#/properties/note");
    }

    @Test
    void rejectsAChangedFormat() {
        JsonNode current = edited("\"format\": \"uuid\" },\n    \"kind\"", "\"format\": \"uri\" },\n    \"kind\"");

        assertThat(check(current)).extracting(Violation::toString)
                .containsExactly("#/properties/entryId: format changed from uuid to uri");
    }

    @Test
    void rejectsANewRequiredProperty() {
        ObjectNode current = (ObjectNode) edited("\"required\": [\"entryId\", \"kind\", \"targets\"]",
                "\"required\": [\"entryId\", \"kind\", \"targets\", \"practiceId\"]");
        ((ObjectNode) current.get("properties"))
                .set("practiceId", parse("{ \"type\": \"string\", \"format\": \"uuid\" }"));

        assertThat(check(current)).extracting(Violation::problem)
                .containsExactly("property 'practiceId' became required; new properties must be optional");
    }

    @Test
    void rejectsAnOptionalPropertyBecomingRequired() {
        JsonNode current = edited("\"required\": [\"entryId\", \"kind\", \"targets\"]",
                "\"required\": [\"entryId\", \"kind\", \"targets\", \"note\"]");

        assertThat(check(current)).extracting(Violation::problem).containsExactly(
                "property 'note' became required; new properties must be optional");
    }

    @Test
    void rejectsARemovedEnumValue() {
        JsonNode current = edited("[\"PHONE_MESSAGE\", \"FILE_NOTE\"]", "[\"PHONE_MESSAGE\"]");

        assertThat(check(current)).extracting(Violation::toString)
                .containsExactly("#/properties/kind: enum value \"FILE_NOTE\" was removed");
    }

    @Test
    void rejectsTighteningAdditionalPropertiesFromAbsentToFalse() {
        JsonNode current = edited("\"required\": [\"entryId\", \"kind\", \"targets\"]",
                "\"required\": [\"entryId\", \"kind\", \"targets\"], \"additionalProperties\": false");

        assertThat(check(current)).extracting(Violation::path).containsExactly("#");
        assertThat(check(current).get(0).problem()).startsWith("additionalProperties tightened");
    }

    @Test
    void rejectsTighteningAdditionalPropertiesFromTrueToFalse() {
        JsonNode baseline = parse(BASELINE.replace("\"required\": [\"userId\"]",
                "\"required\": [\"userId\"], \"additionalProperties\": true"));
        JsonNode current = parse(BASELINE.replace("\"required\": [\"userId\"]",
                "\"required\": [\"userId\"], \"additionalProperties\": false"));

        assertThat(SchemaCompatibilityChecker.check(baseline, current)).extracting(Violation::path)
                .containsExactly("#/$defs/Target");
    }

    @Test
    void rejectsBreakingChangesInsideDefinitionsAndArrayItems() {
        JsonNode current = edited("\"properties\": { \"userId\": { \"type\": \"string\", \"format\": \"uuid\" } }",
                "\"properties\": { \"user\": { \"type\": \"string\", \"format\": \"uuid\" } }");
        JsonNode itemsChanged = edited("\"items\": { \"$ref\": \"#/$defs/Target\" }",
                "\"items\": { \"type\": \"string\" }");

        assertThat(check(current)).extracting(Violation::path).contains("#/$defs/Target/properties/userId");
        assertThat(check(itemsChanged)).extracting(Violation::path)
                .containsOnly("#/properties/targets/items");
    }

    @Test
    void rejectsATightenedLengthLimit() {
        JsonNode current = edited("\"maxLength\": 500", "\"maxLength\": 200");

        assertThat(check(current)).extracting(Violation::toString)
                .containsExactly("#/properties/note: maxLength tightened from 500 to 200");
    }
}
