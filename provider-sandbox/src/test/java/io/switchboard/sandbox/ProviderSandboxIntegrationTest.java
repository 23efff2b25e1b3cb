package io.switchboard.sandbox;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.support.SandboxApi;
import io.switchboard.sandbox.support.SlackWorkspaceMother;

/** The sandbox as other modules' tests embed it: ports, isolation from the host, sharing, reset and close. */
class ProviderSandboxIntegrationTest {

    @Test
    void runsOnFreeLoopbackPortsAndReportsHealthUp() {
        ProviderSandbox sandbox = ProviderSandbox.shared();

        assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
        assertThat(sandbox.port()).isNotIn(0, 1, 8090);
        assertThat(sandbox.smtpPort()).isNotIn(0, 3025);
        assertThat(sandbox.slackMethodsUrl()).isEqualTo(sandbox.baseUrl() + "/api/");
        assertThat(SandboxApi.json(new SandboxApi(sandbox).get("/actuator/health")).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void sharesOneSandboxPerJvmThatOutlivesClose() {
        ProviderSandbox sandbox = ProviderSandbox.shared();

        sandbox.close();

        assertThat(ProviderSandbox.shared()).isSameAs(sandbox);
        assertThat(sandbox.isRunning()).isTrue();
    }

    @Test
    void ignoresTheHostsSystemPropertiesAndApplicationYml() {
        System.setProperty("server.port", "1");
        System.setProperty("sandbox.recording.capacity", "1");
        try (ProviderSandbox sandbox = ProviderSandbox.start()) {
            SandboxApi api = new SandboxApi(sandbox);
            api.postForm("/api/auth.test", "");
            api.postForm("/api/auth.test", "");

            assertThat(sandbox.port()).isNotEqualTo(1).isNotEqualTo(ProviderSandbox.shared().port());
            assertThat(sandbox.requests()).hasSize(2);
        } finally {
            System.clearProperty("server.port");
            System.clearProperty("sandbox.recording.capacity");
        }
    }

    @Test
    void letsAHostSpringBootAppConfigureItsLoggingAndRunBesideIt() {
        // Started first, as a shared sandbox usually is: had it set up logging, the host's settings would be skipped.
        ProviderSandbox sandbox = ProviderSandbox.start();
        try (ConfigurableApplicationContext host = new SpringApplicationBuilder(HostApp.class)
                .run("--server.port=0", "--logging.pattern.console=host-probe %m%n")) {
            assertThat(consolePattern()).isEqualTo("host-probe %m%n");
            assertThat(sandbox.port()).isNotEqualTo(((WebServerApplicationContext) host).getWebServer().getPort());
            assertThat(new SandboxApi(sandbox).get("/actuator/health").getStatusCode().value()).isEqualTo(200);

            sandbox.close();

            assertThat(consolePattern()).isEqualTo("host-probe %m%n");
            assertThat(host.isActive()).isTrue();
            assertThat(host.getEnvironment().getProperty("sandbox.recording.capacity")).isEqualTo("1");
        } finally {
            sandbox.close();
        }
    }

    @Test
    void appliesLimitsPassedAtStartSoTheSlackClientSeesA429() throws Exception {
        Map<String, String> tinyLimit = Map.of(
                "sandbox.limits.slack.auth-test.rate", "1",
                "sandbox.limits.slack.auth-test.period", "1m",
                "sandbox.limits.slack.auth-test.burst", "1");
        try (ProviderSandbox sandbox = ProviderSandbox.start(tinyLimit)) {
            sandbox.slack().seed(SlackWorkspaceMother.acme());
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(sandbox.slackMethodsUrl());
            config.setStatsEnabled(false);
            try (Slack slack = Slack.getInstance(config)) {
                assertThat(slack.methods(ACME_BOT_TOKEN).authTest(request -> request).isOk()).isTrue();

                SlackApiException throttled = catchThrowableOfType(SlackApiException.class,
                        () -> slack.methods(ACME_BOT_TOKEN).authTest(request -> request));

                assertThat(throttled.getResponse().code()).isEqualTo(429);
                assertThat(throttled.getResponse().header("Retry-After")).isEqualTo("60");
            }
        }
    }

    @Test
    void resetForgetsRequestsMailsWorkspacesAndLimitOverrides() {
        ProviderSandbox sandbox = ProviderSandbox.shared();
        sandbox.slack().seed(SlackWorkspaceMother.minimal("T0RESET001", "xoxb-5555555555-6666666666-ResetMeToken01"));
        sandbox.limits().override("slack", "auth-test", RateLimit.perMinute(1, 1));
        new SandboxApi(sandbox).postForm("/api/auth.test", "");
        send(sandbox, "Before reset");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sandbox.mails()).isNotEmpty());

        sandbox.reset();

        assertThat(sandbox.requests()).isEmpty();
        assertThat(sandbox.mails()).isEmpty();
        assertThat(sandbox.slack().workspaces()).isEmpty();
        assertThat(sandbox.limits().limit("slack", "auth-test")).isEqualTo(RateLimit.perMinute(100, 100));
    }

    @Test
    void stopsHttpAndSmtpOnClose() {
        ProviderSandbox sandbox = ProviderSandbox.start();
        int smtpPort = sandbox.smtpPort();

        sandbox.close();

        assertThat(sandbox.isRunning()).isFalse();
        assertThat(catchThrowableOfType(IOException.class, () -> new Socket("127.0.0.1", smtpPort).close())).isNotNull();
    }

    /** A host app of the kind that embeds the sandbox in its tests: everything auto-configured, its own application.yml. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class HostApp {
    }

    private static String consolePattern() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ConsoleAppender<?> console = (ConsoleAppender<?>) logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        return console == null ? null : ((PatternLayoutEncoder) console.getEncoder()).getPattern();
    }

    private static void send(ProviderSandbox sandbox, String subject) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(sandbox.smtpHost());
        sender.setPort(sandbox.smtpPort());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("front-desk@acme-accounting.test");
        message.setTo("client@example.test");
        message.setSubject(subject);
        message.setText("Body");
        sender.send(message);
    }
}
