package io.switchboard.notifier.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.switchboard.sandbox.ProviderSandbox;

/**
 * Points the notifier at the JVM's shared provider sandbox (Slack Web API, Microsoft Graph, Gmail API, SMTP) and the integration-service
 * stand-in, and scales pacing down (the sandbox's own limits are scaled down per test through its API).
 */
public class NotifierTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ProviderSandbox sandbox = ProviderSandbox.shared();
        TestPropertyValues.of(
                "switchboard.slack.api-base=" + sandbox.baseUrl(),
                "switchboard.microsoft.graph-base=" + sandbox.baseUrl(),
                "switchboard.gmail.root-url=" + sandbox.gmailRootUrl(),
                "spring.mail.host=" + sandbox.smtpHost(),
                "spring.mail.port=" + sandbox.smtpPort(),
                "switchboard.integration.base-url=" + IntegrationStub.shared().baseUrl(),
                "switchboard.notifier.pacing.slack-channel-rate=" + TestPacing.CHANNEL_RATE,
                "switchboard.notifier.pacing.slack-channel-burst=" + TestPacing.CHANNEL_BURST,
                "switchboard.notifier.pacing.slack-workspace-rate=" + TestPacing.WORKSPACE_RATE,
                "switchboard.notifier.pacing.slack-workspace-burst=" + TestPacing.WORKSPACE_BURST,
                "switchboard.notifier.pacing.email-rate=" + TestPacing.CHANNEL_RATE,
                "switchboard.notifier.pacing.teams-channel-rate=" + TestPacing.CHANNEL_RATE,
                "switchboard.notifier.pacing.teams-channel-burst=" + TestPacing.CHANNEL_BURST,
                "switchboard.notifier.pacing.teams-tenant-rate=" + TestPacing.WORKSPACE_RATE,
                "switchboard.notifier.pacing.teams-tenant-burst=" + TestPacing.WORKSPACE_BURST,
                "switchboard.notifier.retry.initial-backoff=100ms",
                "switchboard.notifier.retry.max-backoff=1s",
                "switchboard.notifier.retry.max-attempts=3",
                "switchboard.notifier.drain.interval=20ms",
                "switchboard.notifier.slack.token-cache-ttl=PT1S"
        ).applyTo(context);
    }
}
