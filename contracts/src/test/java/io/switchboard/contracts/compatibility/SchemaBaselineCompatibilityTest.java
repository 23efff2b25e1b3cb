package io.switchboard.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.switchboard.contracts.EventCatalog;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.testsupport.Schemas;
import tools.jackson.databind.JsonNode;

/**
 * Every schema in {@code schema-baseline/} (the last released versions) is still published and the
 * current version is backward compatible with it. Refreshing the baseline is the release step
 * described in the contracts README.
 */
class SchemaBaselineCompatibilityTest {

    private static final String BASELINE_DIR = "schema-baseline";

    static Stream<String> baselineSchemas() throws IOException, URISyntaxException {
        URL dir = SchemaBaselineCompatibilityTest.class.getClassLoader().getResource(BASELINE_DIR);
        assertThat(dir).as("test resource directory " + BASELINE_DIR).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselineSchemas")
    void currentSchemaIsBackwardCompatibleWithTheReleasedOne(String file) {
        JsonNode released = Schemas.resource(BASELINE_DIR + "/" + file);
        JsonNode current = Schemas.resource("schemas/" + file);

        assertThat(SchemaCompatibilityChecker.check(released, current)).isEmpty();
    }

    @Test
    void everyReleasedTypeIsStillInTheCatalog() throws IOException, URISyntaxException {
        List<String> catalogued = EventCatalog.standard().types().stream().map(EventType::type).toList();

        assertThat(baselineSchemas().map(f -> f.substring(0, f.length() - ".json".length())))
                .isNotEmpty()
                .allSatisfy(type -> assertThat(catalogued).contains(type));
    }
}
