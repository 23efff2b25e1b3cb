package io.switchboard.sandbox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.boot.support.RandomValuePropertySourceEnvironmentPostProcessor;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

import io.switchboard.sandbox.google.GoogleAccounts;
import io.switchboard.sandbox.mail.MailStore;
import io.switchboard.sandbox.mail.ReceivedMail;
import io.switchboard.sandbox.mail.SmtpCapture;
import io.switchboard.sandbox.microsoft.MicrosoftTenants;
import io.switchboard.sandbox.ratelimit.RateLimiter;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.recording.RequestRecorder;
import io.switchboard.sandbox.slack.SlackApps;
import io.switchboard.sandbox.slack.SlackInteractions;
import io.switchboard.sandbox.slack.SlackWorkspaces;

/**
 * The sandbox inside a test JVM: {@code ProviderSandbox.start()} runs it on free HTTP and SMTP ports on
 * the loopback address, and {@link #shared()} gives every test class of the JVM the same one, to
 * {@link #reset()} between tests.
 *
 * <p>The embedded sandbox is sealed off from its host: it reads only {@code provider-sandbox.yml} and the
 * properties passed to {@link #start(Map)} (no system properties, environment variables or the host's
 * {@code application.yml}), runs a fixed set of auto-configurations, and leaves the host's logging alone.
 */
public final class ProviderSandbox implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private static volatile ProviderSandbox shared;

    private final ConfigurableApplicationContext context;
    private final boolean closeable;
    private final String host;

    private ProviderSandbox(ConfigurableApplicationContext context, boolean closeable) {
        this.context = context;
        this.closeable = closeable;
        String address = context.getEnvironment().getProperty("server.address");
        this.host = address == null || address.isBlank() || address.equals("0.0.0.0") ? LOOPBACK : address;
    }

    /** A new sandbox on free ports; close it when done. */
    public static ProviderSandbox start() {
        return start(Map.of());
    }

    /**
     * A new sandbox on free ports with some properties set, e.g.
     * {@code Map.of("sandbox.limits.slack.auth-test.rate", "1")}; close it when done.
     */
    public static ProviderSandbox start(Map<String, String> properties) {
        return new ProviderSandbox(launch(properties), true);
    }

    /**
     * The one sandbox of this JVM, started on first use and stopped when the JVM exits; {@link #close()}
     * does nothing on it. Call {@link #reset()} before each test.
     */
    public static ProviderSandbox shared() {
        ProviderSandbox instance = shared;
        if (instance == null) {
            synchronized (ProviderSandbox.class) {
                if (shared == null) {
                    shared = new ProviderSandbox(launch(Map.of()), false);
                }
                instance = shared;
            }
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The Slack Web API prefix for {@code SlackConfig.setMethodsEndpointUrlPrefix}: {@code <baseUrl>/api/}. */
    public String slackMethodsUrl() {
        return baseUrl() + "/api/";
    }

    /**
     * The Microsoft identity platform's authority for this sandbox, {@code <baseUrl>} (where the real one is
     * {@code https://login.microsoftonline.com}): endpoints are {@code <authority>/{tenant}/oauth2/v2.0/authorize|token}
     * and {@code <authority>/{tenant}/adminconsent}.
     */
    public String microsoftAuthority() {
        return baseUrl();
    }

    /** Microsoft Graph's base URL for {@code RequestAdapter.setBaseUrl}: {@code <baseUrl>/v1.0}. */
    public String graphBaseUrl() {
        return baseUrl() + "/v1.0";
    }

    /**
     * The base of Google's OAuth endpoints on this sandbox, {@code <baseUrl>}: {@code <base>/o/oauth2/v2/auth},
     * {@code <base>/token}, {@code <base>/revoke}, {@code <base>/oauth2/v3/userinfo} (paths from {@code sandbox.google.paths}).
     */
    public String googleOAuthBaseUrl() {
        return baseUrl();
    }

    /** The Gmail client's root URL for {@code Gmail.Builder.setRootUrl}: {@code <baseUrl>/}. */
    public String gmailRootUrl() {
        return baseUrl() + "/";
    }

    public String smtpHost() {
        return host;
    }

    public int smtpPort() {
        return context.getBean(SmtpCapture.class).port();
    }

    /** Every recorded provider call, oldest first. */
    public List<RecordedRequest> requests() {
        return context.getBean(RequestRecorder.class).requests();
    }

    /**
     * The recorded calls to one provider ({@code slack}, {@code graph}, {@code identity}, {@code gmail}, {@code google}
     * for Google's OAuth endpoints), oldest first.
     */
    public List<RecordedRequest> requests(String provider) {
        return context.getBean(RequestRecorder.class).requests(provider, null);
    }

    /** Every mail received over SMTP, oldest first. */
    public List<ReceivedMail> mails() {
        return context.getBean(MailStore.class).mails();
    }

    /** The emulated Slack, to seed workspaces and read what was posted. */
    public SlackWorkspaces slack() {
        return context.getBean(SlackWorkspaces.class);
    }

    /** The Slack apps (OAuth client, signing secret, interactivity Request URL), to register one without HTTP. */
    public SlackApps slackApps() {
        return context.getBean(SlackApps.class);
    }

    /**
     * Simulated clicks on message buttons: {@code slackInteractions().press(new ButtonPress(team, channel, ts, user,
     * actionId))} sends the app a signed {@code block_actions} request and returns what it answered.
     */
    public SlackInteractions slackInteractions() {
        return context.getBean(SlackInteractions.class);
    }

    /**
     * The emulated Microsoft cloud, to seed tenants and apps, revoke a user's grants, expire tokens and read
     * the channel messages Graph received.
     */
    public MicrosoftTenants microsoft() {
        return context.getBean(MicrosoftTenants.class);
    }

    /**
     * The emulated Google: seed accounts with mailboxes and OAuth clients, deliver mail, read what accounts sent,
     * revoke grants and expire tokens.
     */
    public GoogleAccounts google() {
        return context.getBean(GoogleAccounts.class);
    }

    /** The providers' limits, to override one for a test; {@link #reset()} restores them. */
    public RateLimiter limits() {
        return context.getBean(RateLimiter.class);
    }

    /**
     * Every secret value the sandbox issued or was given since start or {@link #reset()} (tokens, authorization codes,
     * client and signing secrets, redeeming PKCE verifiers, configured secrets; none shorter than
     * {@value IssuedSecrets#MIN_LENGTH} characters), for a test to check that none appears in logs, events or error
     * bodies; {@code GET /sandbox/api/secrets} answers the same.
     */
    public List<String> issuedSecrets() {
        return context.getBean(IssuedSecrets.class).all();
    }

    /** Forgets recorded calls, mails, provider state and limit overrides. */
    public void reset() {
        context.getBean(SandboxReset.class).resetAll();
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** Stops a sandbox from {@link #start()}; the {@link #shared()} one keeps running until the JVM exits. */
    @Override
    public void close() {
        if (closeable) {
            context.close();
        }
    }

    private static ConfigurableApplicationContext launch(Map<String, String> properties) {
        SpringApplication application = new SpringApplication(ProviderSandboxApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setAddCommandLineProperties(false);
        application.setEnvironment(isolatedEnvironment(properties));
        application.setListeners(isolatedListeners(application.getListeners()));
        application.setInitializers(ownedBySpringBoot(application.getInitializers()));
        return application.run();
    }

    private static StandardServletEnvironment isolatedEnvironment(Map<String, String> properties) {
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("spring.config.location", "classpath:/" + ProviderSandboxApplication.CONFIG_NAME + ".yml");
        embedded.put("server.address", LOOPBACK);
        embedded.put("server.port", "0");
        embedded.put("sandbox.smtp.bind-address", LOOPBACK);
        embedded.put("sandbox.smtp.port", "0");
        StandardServletEnvironment environment = new HostIsolatedEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource("providerSandboxEmbedded", embedded));
        sources.addFirst(new MapPropertySource("providerSandboxProperties", Map.copyOf(properties)));
        return environment;
    }

    /**
     * Spring Boot's own listeners, less logging (which would reconfigure, and on close shut down, the
     * host's logging) and with only the config-file and random-value environment post-processors, so that
     * the host's post-processors do not add their defaults to the sandbox.
     */
    private static Set<ApplicationListener<?>> isolatedListeners(Set<ApplicationListener<?>> listeners) {
        Stream<ApplicationListener<?>> kept = ownedBySpringBoot(listeners).stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .filter(listener -> !(listener instanceof EnvironmentPostProcessorApplicationListener));
        ApplicationListener<?> configFiles = EnvironmentPostProcessorApplicationListener.with(EnvironmentPostProcessorsFactory
                .of(ConfigDataEnvironmentPostProcessor.class, RandomValuePropertySourceEnvironmentPostProcessor.class));
        return Stream.concat(kept, Stream.of(configFiles)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The host's classpath may register listeners and initializers for its own app; the sandbox is not it. */
    private static <T> Set<T> ownedBySpringBoot(Collection<T> candidates) {
        return candidates.stream()
                .filter(candidate -> candidate.getClass().getName().startsWith("org.springframework.boot."))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A servlet environment without the JVM's system properties and environment variables. */
    private static final class HostIsolatedEnvironment extends StandardServletEnvironment {

        @Override
        protected void customizePropertySources(MutablePropertySources propertySources) {
            propertySources.addLast(new PropertySource.StubPropertySource(SERVLET_CONFIG_PROPERTY_SOURCE_NAME));
            propertySources.addLast(new PropertySource.StubPropertySource(SERVLET_CONTEXT_PROPERTY_SOURCE_NAME));
        }
    }
}
