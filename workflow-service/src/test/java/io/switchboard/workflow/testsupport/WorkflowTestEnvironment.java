package io.switchboard.workflow.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context of this module at the same stand-ins, so they keep sharing one context:
 * documents in a temporary directory of this JVM, and integration-service's vault played by
 * {@link VaultStandIn}.
 */
public class WorkflowTestEnvironment implements EnvironmentPostProcessor {

    private static Path documents;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("workflowTestEnvironment", Map.of(
                "switchboard.workflow.documents.base-dir", documentsDir().toString(),
                "switchboard.integration.base-url", VaultStandIn.baseUrl())));
    }

    /** The directory the test contexts' document store writes to. */
    public static synchronized Path documentsDir() {
        if (documents == null) {
            try {
                documents = Files.createTempDirectory("workflow-documents-").toRealPath();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return documents;
    }
}
