package io.switchboard.integration.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.switchboard.sandbox.ProviderSandbox;

/**
 * Points the service's Slack client and OAuth redirects at the JVM's shared provider sandbox, its register
 * client at the JVM's register stand-in, and gives it the Slack signing secret tests sign with.
 */
public class ProviderSandboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ProviderSandbox sandbox = ProviderSandbox.shared();
        TestPropertyValues.of(
                "switchboard.slack.api-base=" + sandbox.baseUrl(),
                "switchboard.slack.oauth-base=" + sandbox.baseUrl(),
                "switchboard.slack.signing-secret=" + SlackInteractionRequests.SIGNING_SECRET,
                "switchboard.register.base-url=" + RegisterStub.shared().baseUrl(),
                "switchboard.microsoft.authority=" + sandbox.baseUrl(),
                "switchboard.microsoft.graph-base=" + sandbox.baseUrl(),
                "switchboard.google.authorization-uri=" + sandbox.baseUrl() + "/o/oauth2/v2/auth",
                "switchboard.google.token-uri=" + sandbox.baseUrl() + "/token",
                "switchboard.google.revoke-uri=" + sandbox.baseUrl() + "/revoke",
                "switchboard.google.userinfo-uri=" + sandbox.baseUrl() + "/oauth2/v3/userinfo",
                "switchboard.google.refresh-sweep=PT24H",
                // Tests refresh on purpose (TeamsConnections.refreshExpiring), never behind their back.
                "switchboard.microsoft.refresh-sweep=PT24H"
        ).applyTo(context);
    }
}
