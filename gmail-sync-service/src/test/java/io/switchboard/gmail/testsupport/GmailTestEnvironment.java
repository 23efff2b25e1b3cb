package io.switchboard.gmail.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.switchboard.sandbox.ProviderSandbox;

/**
 * Points every test context of this module at the same stand-ins, so they keep sharing one context:
 * Gmail is the provider sandbox's, integration-service and register-service are small HTTP servers of
 * this JVM ({@link IntegrationStandIn}, {@link RegisterStandIn}). The scheduled sync stays off: tests
 * poll a mailbox themselves, so nothing runs behind their back.
 */
public class GmailTestEnvironment implements EnvironmentPostProcessor {

    public static final String PUBLIC_URL = "https://app.switchboard.test";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("gmailTestEnvironment", Map.of(
                "switchboard.gmail.root-url", ProviderSandbox.shared().gmailRootUrl(),
                "switchboard.integration.base-url", IntegrationStandIn.baseUrl(),
                "switchboard.register.base-url", RegisterStandIn.baseUrl(),
                "switchboard.public-url", PUBLIC_URL,
                "switchboard.gmail.attachment-base-url", PUBLIC_URL + "/api/gmail",
                "switchboard.gmail.sync.enabled", "false")));
    }
}
