package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.platform.test.TestIssuer;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.ratelimit.RateLimit;

/**
 * Everything a run needs, on free ports: PostgreSQL and a Kafka broker as child processes, the provider
 * sandbox embedded in this JVM (it stamps every provider call with the time it arrived, on this JVM's clock),
 * a fault proxy in front of its Slack API, and register-, integration- and notifier-service from their jars
 * as separate JVMs. The notifier runs as a router instance (router, in-app, Teams, and email unless email
 * workers are asked for) plus {@code slackWorkers} instances with {@code SWITCHBOARD_NOTIFIER_CHANNELS=slack}
 * and {@code emailWorkers} with {@code =email}. No gateway: the harness calls the services' own APIs (the
 * gateway strips {@code /api/<service>}), so a figure here is the services' without the gateway's hop.
 */
public final class BenchStack implements AutoCloseable {

    public static final String PUBLIC_URL = "https://app.switchboard.test";
    static final String PER_CHANNEL = "post-message-per-channel";
    static final String PER_WORKSPACE = "post-message-per-workspace";
    /** PostgreSQL's row in the cost table: CPU of the postmaster and every backend, memory of the postmaster. */
    static final String POSTGRES = "postgres (all backends; RSS: postmaster)";

    /** How many of each instance, and the notifier settings every notifier instance gets. */
    public record Topology(int slackWorkers, int emailWorkers, Map<String, String> notifierSettings) {
    }

    final Path root;
    final Path work;
    final Postgres postgres;
    final KafkaBroker kafka;
    final ProviderSandbox sandbox;
    final FaultProxy slackProxy;
    final Map<String, ServiceJvm> services = new LinkedHashMap<>();
    private final Map<String, String> common = new HashMap<>();
    private final Map<String, String> notifierEnvironment = new HashMap<>();
    private final Topology topology;

    private BenchStack(Path root, Path work, Topology topology) {
        this.root = root;
        this.work = work;
        this.topology = topology;
        this.postgres = new Postgres(work.resolve("postgres"), work.resolve("logs").resolve("postgres.log"));
        this.kafka = new KafkaBroker(work.resolve("kafka"), work.resolve("logs").resolve("kafka.log"));
        this.sandbox = ProviderSandbox.start(Map.of(
                "sandbox.recording.capacity", "200000",
                "sandbox.smtp.capacity", "100000",
                "sandbox.smtp.port", "0"));
        this.slackProxy = new FaultProxy(sandbox.baseUrl());
    }

    /** Starts everything and waits until every service is ready. */
    public static BenchStack start(Path root, Path work, Topology topology, Console console) {
        deleteRecursively(work);
        BenchStack stack = new BenchStack(root, work, topology);
        try {
            long began = System.nanoTime();
            stack.postgres.start();
            stack.kafka.start();
            console.line("  PostgreSQL and Kafka up in %.1f s", (System.nanoTime() - began) / 1e9);
            stack.startServices();
            console.line("  services ready in %.1f s: %s", (System.nanoTime() - began) / 1e9,
                    String.join(", ", stack.services.keySet()));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServices() {
        Path logs = work.resolve("logs");
        common.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
        common.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
        common.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        common.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", TestTokens.ISSUER);
        common.put("SWITCHBOARD_SECURITY_JWT_PUBLIC_KEY", TestTokens.publicKeyPem());
        common.put("SWITCHBOARD_INTERNAL_CLIENT_TOKEN_URI", TestIssuer.tokenUri());
        common.put("SWITCHBOARD_INTERNAL_CLIENT_SECRET", TestIssuer.CLIENT_SECRET);
        common.put("SWITCHBOARD_SLACK_API_BASE", sandbox.baseUrl());
        common.put("SWITCHBOARD_SLACK_OAUTH_BASE", sandbox.baseUrl());
        common.put("SWITCHBOARD_PUBLIC_URL", PUBLIC_URL);

        ServiceJvm register = ServiceJvm.start(root, "register-service", "register", common, logs);
        ServiceJvm integration = ServiceJvm.start(root, "integration-service", "integration", common, logs);
        services.put("register", register);
        services.put("integration", integration);

        notifierEnvironment.putAll(common);
        notifierEnvironment.put("SWITCHBOARD_INTEGRATION_BASE_URL", integration.baseUrl());
        notifierEnvironment.put("SWITCHBOARD_SLACK_API_BASE", slackProxy.baseUrl());
        notifierEnvironment.put("SPRING_MAIL_HOST", sandbox.smtpHost());
        notifierEnvironment.put("SPRING_MAIL_PORT", Integer.toString(sandbox.smtpPort()));
        notifierEnvironment.putAll(topology.notifierSettings());
        // The router instance first: it creates the notifier's schema; workers starting at once would race Flyway.
        String routerChannels = topology.emailWorkers() > 0 ? "router,inapp,teams" : "router,inapp,teams,email";
        if (topology.slackWorkers() == 0) {
            routerChannels += ",slack";
        }
        // Booting side by side: on two cores the JVMs' start-ups overlap each other's waits.
        ServiceJvm router = startNotifier("notifier-router", routerChannels);
        register.awaitHealthy();
        integration.awaitHealthy();
        router.awaitHealthy();
        List<ServiceJvm> workers = new ArrayList<>();
        for (int i = 1; i <= topology.slackWorkers(); i++) {
            workers.add(startNotifier("notifier-slack-" + i, "slack"));
        }
        for (int i = 1; i <= topology.emailWorkers(); i++) {
            workers.add(startNotifier("notifier-email-" + i, "email"));
        }
        workers.forEach(ServiceJvm::awaitHealthy);
    }

    /** Starts one more notifier instance serving {@code channels}; not awaited. */
    public ServiceJvm addNotifier(String name, String channels) {
        return startNotifier(name, channels);
    }

    /** Stops and forgets an instance. */
    public void removeService(String name) {
        ServiceJvm service = services.remove(name);
        if (service != null) {
            service.close();
        }
    }

    private ServiceJvm startNotifier(String name, String channels) {
        Map<String, String> environment = new HashMap<>(notifierEnvironment);
        environment.put("SWITCHBOARD_NOTIFIER_CHANNELS", channels);
        ServiceJvm notifier = ServiceJvm.start(root, "notifier-service", name, environment, work.resolve("logs"));
        services.put(name, notifier);
        return notifier;
    }

    public ServiceJvm service(String name) {
        ServiceJvm service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no instance " + name + " in " + services.keySet());
        }
        return service;
    }

    public String register() {
        return service("register").baseUrl();
    }

    public String integration() {
        return service("integration").baseUrl();
    }

    /** Slack's chat.postMessage limits at the sandbox: a channel and a workspace rate per second. */
    public void slackLimits(int channelRate, int channelBurst, int workspaceRate, int workspaceBurst) {
        sandbox.limits().override("slack", PER_CHANNEL, RateLimit.perSecond(channelRate, channelBurst));
        sandbox.limits().override("slack", PER_WORKSPACE, RateLimit.perSecond(workspaceRate, workspaceBurst));
    }

    /** Effectively no limit at the sandbox. */
    public void slackLimitsOff() {
        slackLimits(1_000_000, 1_000_000, 1_000_000, 1_000_000);
    }

    /** The pids whose CPU and memory a report shows, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (service.isAlive()) {
                pids.put(name, service.pid());
            }
        });
        pids.put("kafka", kafka.pid());
        pids.put(POSTGRES, postgres.pid());
        pids.put("harness + sandbox", ProcessHandle.current().pid());
        return pids;
    }

    @Override
    public void close() {
        List<ServiceJvm> all = new ArrayList<>(services.values());
        java.util.Collections.reverse(all);
        all.forEach(ServiceJvm::close);
        slackProxy.close();
        kafka.close();
        postgres.close();
        sandbox.close();
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
