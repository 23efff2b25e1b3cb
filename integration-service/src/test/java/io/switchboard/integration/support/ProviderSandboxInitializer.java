package io.switchboard.integration.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.switchboard.sandbox.ProviderSandbox;

/** Points the service's Slack client and OAuth redirects at the JVM's shared provider sandbox. */
public class ProviderSandboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ProviderSandbox sandbox = ProviderSandbox.shared();
        TestPropertyValues.of(
                "switchboard.slack.api-base=" + sandbox.baseUrl(),
                "switchboard.slack.oauth-base=" + sandbox.baseUrl(),
                "switchboard.microsoft.authority=" + sandbox.baseUrl(),
                "switchboard.microsoft.graph-base=" + sandbox.baseUrl(),
                // Tests refresh on purpose (TeamsConnections.refreshExpiring), never behind their back.
                "switchboard.microsoft.refresh-sweep=PT24H"
        ).applyTo(context);
    }
}
