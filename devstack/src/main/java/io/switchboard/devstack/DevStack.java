package io.switchboard.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.jwk.RSAKey;

import io.switchboard.devstack.identity.DemoTokens;
import io.switchboard.devstack.identity.DemoUser;
import io.switchboard.devstack.identity.DemoUsers;
import io.switchboard.devstack.identity.DevIdentityApplication;
import io.switchboard.devstack.identity.SigningKeys;
import io.switchboard.devstack.kafka.KafkaBroker;
import io.switchboard.devstack.kafka.KafkaBrokerConfig;
import io.switchboard.devstack.postgres.DevPostgres;
import io.switchboard.devstack.process.ChildProcess;
import io.switchboard.devstack.process.Component;
import io.switchboard.devstack.process.HttpHealthProbe;
import io.switchboard.devstack.process.HttpServiceProcess;
import io.switchboard.devstack.process.JavaLauncher;
import io.switchboard.devstack.process.LogFiles;
import io.switchboard.devstack.process.PidFiles;
import io.switchboard.devstack.process.StartupFailure;

/**
 * The one-command local stack: starts PostgreSQL, a Kafka broker, the dev identity server, the provider
 * sandbox, every service and the gateway, each in its own process, waits until each is healthy, prints
 * where everything is and ready-made tokens for the demo users, and stops it all on Ctrl-C.
 */
public final class DevStack {

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int IDENTITY_PORT = 9000;
    static final String ISSUER = "http://localhost:" + IDENTITY_PORT;
    static final String DATABASE = "switchboard";
    static final String DATABASE_USER = "switchboard";
    static final String DATABASE_PASSWORD = "switchboard";
    static final String DEMO_PASSWORD = "demo";
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    static final int LOG_LINES_ON_FAILURE = 40;

    /** Shared by the identity server and the services' client-credentials calls; override by environment. */
    static final String INTERNAL_SECRET_VARIABLE = "SWITCHBOARD_INTERNAL_CLIENT_SECRET";
    static final String DEFAULT_INTERNAL_SECRET = "switchboard-internal-dev-secret";
    /**
     * The demo Slack app's signing secret, shared by the sandbox (which signs button presses as Slack does), the
     * gateway and integration-service (which verify them); override by environment.
     */
    static final String SLACK_SIGNING_SECRET_VARIABLE = "SWITCHBOARD_SLACK_SIGNING_SECRET";
    static final String DEFAULT_SLACK_SIGNING_SECRET = "switchboard-dev-slack-signing-secret";
    /** Replaces the services' JVM options below, e.g. to give them more heap. */
    static final String JAVA_OPTS_VARIABLE = "DEVSTACK_JAVA_OPTS";
    /**
     * Small heaps, the serial collector and C1 only: nine JVMs share two cores and must boot fast; none of
     * them does enough work here to miss C2.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");
    static final List<String> KAFKA_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private static final int TIER_DATABASE = 0;
    private static final int TIER_INFRASTRUCTURE = 1;
    private static final int TIER_SERVICES = 2;
    private static final int TIER_GATEWAY = 3;

    private final DevStackOptions options;
    private final StackLayout layout;
    private final Console console;
    private final JavaLauncher java = JavaLauncher.likeThisJvm();
    private final RunningStack stack = new RunningStack();
    private final PidFiles pidFiles;
    private final String internalSecret;
    private final String slackSigningSecret;
    private final List<String> serviceJvmOptions;

    DevStack(DevStackOptions options, StackLayout layout, Console console, Map<String, String> environment) {
        this.options = options;
        this.layout = layout;
        this.console = console;
        this.pidFiles = new PidFiles(layout.pids());
        this.internalSecret = environment.getOrDefault(INTERNAL_SECRET_VARIABLE, DEFAULT_INTERNAL_SECRET);
        this.slackSigningSecret = environment.getOrDefault(SLACK_SIGNING_SECRET_VARIABLE, DEFAULT_SLACK_SIGNING_SECRET);
        String javaOpts = environment.getOrDefault(JAVA_OPTS_VARIABLE, "").trim();
        this.serviceJvmOptions = javaOpts.isEmpty() ? SERVICE_JVM_OPTIONS : Arrays.asList(javaOpts.split("\\s+"));
    }

    public static void main(String[] args) {
        DevStackOptions options;
        try {
            options = DevStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.err.println();
            System.err.print(DevStackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(DevStackOptions.USAGE);
            return;
        }
        StackLayout layout = StackLayout.locate();
        // Before any library logs: its output goes to a file, the terminal is for progress lines.
        System.setProperty("devstack.logs", layout.logs().toString());
        System.setProperty("logback.configurationFile", "devstack/launcher-logback.xml");
        System.exit(new DevStack(options, layout, new Console(System.out), System.getenv()).run());
    }

    /** Starts the stack and runs until it is stopped; returns the exit code if it fails. */
    int run() {
        Instant began = Instant.now();
        console.line("Switchboard dev stack in %s", layout.root());
        new Leftovers(pidFiles, layout.postgres(), console).stop(leftoverOrder());
        if (options.fresh()) {
            console.line("--fresh: deleting %s", layout.relative(layout.data()));
            layout.deleteData();
        }
        Optional<String> problem = missingJars().or(this::portsInUse);
        if (problem.isPresent()) {
            console.line("%s", problem.get());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "devstack-shutdown"));
        DemoUsers users = DemoUsers.load();
        Map<DemoUser, Path> tokens;
        try {
            startTier(TIER_DATABASE, List.of(postgres()), 1);
            tokens = mintTokens(users);
            startTier(TIER_INFRASTRUCTURE, List.of(kafka(), identity(), app(ModuleApp.PROVIDER_SANDBOX)), 3);
            new SandboxDemoSeed(ModuleApp.PROVIDER_SANDBOX.url()).apply(users);
            if (!options.onlyInfra()) {
                startTier(TIER_SERVICES, ModuleApp.SERVICES.stream().map(this::app).toList(), options.parallelism());
                startTier(TIER_GATEWAY, List.of(app(ModuleApp.GATEWAY)), 1);
            }
        } catch (StartupFailure failure) {
            return failed(failure);
        } catch (RuntimeException e) {
            return failed(new StartupFailure("devstack", "the launcher failed: " + e,
                    layout.logs().resolve("launcher.log"), e));
        }
        console.line("All healthy in %s.", Console.seconds(Duration.between(began, Instant.now())));
        printSummary(users, tokens);
        return failed(stack.failure().join());
    }

    /** A component and where a developer reaches it, for its "healthy" line. */
    private record Part(Component component, String address) {
    }

    private Part postgres() {
        DevPostgres postgres = new DevPostgres(layout.postgres(), POSTGRES_PORT, layout.log("postgres"), DATABASE,
                DATABASE_USER, DATABASE_PASSWORD);
        return new Part(postgres, postgres.jdbcUrl());
    }

    private Part kafka() {
        KafkaBroker kafka = new KafkaBroker("kafka", new KafkaBrokerConfig(layout.kafka(), KAFKA_PORT,
                KAFKA_CONTROLLER_PORT), java, KAFKA_JVM_OPTIONS, layout.log("kafka"), pidFiles);
        return new Part(kafka, kafka.bootstrapServers());
    }

    private Part identity() {
        List<String> jvm = jvmOptions(SERVICE_JVM_OPTIONS, "identity");
        Map<String, String> environment = Map.of(
                "SWITCHBOARD_IDENTITY_KEY_FILE", layout.signingKey().toString(),
                "SWITCHBOARD_IDENTITY_ISSUER", ISSUER,
                "SWITCHBOARD_IDENTITY_DEMO_PASSWORD", DEMO_PASSWORD,
                INTERNAL_SECRET_VARIABLE, internalSecret,
                "PORT", Integer.toString(IDENTITY_PORT));
        return new Part(new HttpServiceProcess("identity",
                java.command(DevIdentityApplication.class.getName(), jvm, List.of()), environment,
                new HttpHealthProbe(URI.create(ISSUER + "/oauth2/jwks")), layout.log("identity"), layout.root(),
                pidFiles), ISSUER);
    }

    private Part app(ModuleApp app) {
        Path jar = app.executableJar(layout.root()).orElseThrow();
        Map<String, String> environment = Map.of(
                "SPRING_PROFILES_ACTIVE", "demo",
                INTERNAL_SECRET_VARIABLE, internalSecret,
                SLACK_SIGNING_SECRET_VARIABLE, slackSigningSecret,
                // the sandbox's Slack: sign presses of message buttons and send them through the gateway
                "SANDBOX_SLACK_SIGNINGSECRET", slackSigningSecret,
                "SANDBOX_SLACK_INTERACTIVITYURL", ModuleApp.GATEWAY.url() + "/api/integrations/slack/interactions");
        return new Part(new HttpServiceProcess(app.module(),
                java.jarCommand(jar, jvmOptions(serviceJvmOptions, app.module()), List.of()), environment,
                new HttpHealthProbe(app.healthUrl()), layout.log(app.module()), layout.root(), pidFiles),
                app.url().toString());
    }

    private static List<String> jvmOptions(List<String> base, String name) {
        List<String> options = new ArrayList<>(base);
        options.add("-D" + ChildProcess.MARKER_PROPERTY + "=" + name);
        return options;
    }

    /** Starts a tier's components, at most {@code parallelism} at once; fails on the first failure anywhere. */
    private void startTier(int tier, List<Part> parts, int parallelism) throws StartupFailure {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, parts.size()), runnable -> {
            Thread thread = new Thread(runnable, "devstack-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<?>[] starts = parts.stream()
                    .map(part -> CompletableFuture.runAsync(() -> startOne(tier, part), pool))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.anyOf(CompletableFuture.allOf(starts), stack.failure()).join();
        } finally {
            pool.shutdown();
        }
        if (stack.failure().isDone()) {
            throw stack.failure().join();
        }
    }

    private void startOne(int tier, Part part) {
        Component component = part.component();
        Instant started = Instant.now();
        try {
            stack.start(tier, component, HEALTH_TIMEOUT);
            console.line("  %-20s healthy in %7s   %s", component.name(),
                    Console.seconds(Duration.between(started, Instant.now())), part.address());
        } catch (StartupFailure failure) {
            stack.fail(failure);
        } catch (RuntimeException e) {
            stack.fail(new StartupFailure(component.name(), component.name() + " failed to start: " + e,
                    component.logFile(), e));
        }
    }

    private Map<DemoUser, Path> mintTokens(DemoUsers users) {
        RSAKey key = SigningKeys.loadOrCreate(layout.signingKey());
        return new DemoTokens(key, ISSUER, TOKEN_LIFETIME, Clock.systemUTC()).writeAll(users.all(), layout.tokens());
    }

    /** Prints why the stack failed and the end of the failed part's log, stops everything, returns 1. */
    private int failed(StartupFailure failure) {
        if (stack.isStopping()) {
            // Ctrl-C: the shutdown hook is stopping everything, and parts failing meanwhile is expected.
            stack.stopAll(console);
            return 0;
        }
        console.blank();
        console.line("FAILED: %s", failure.getMessage());
        if (failure.logFile() != null) {
            console.line("---- last %d lines of %s ----", LOG_LINES_ON_FAILURE, layout.relative(failure.logFile()));
            LogFiles.tail(failure.logFile(), LOG_LINES_ON_FAILURE).forEach(line -> console.line("%s", line));
            console.line("----");
        }
        console.line("Stopping everything.");
        stack.stopAll(console);
        return 1;
    }

    /** The shutdown hook: on Ctrl-C or SIGTERM stop everything in order, then exit 0 (not 130 or 143). */
    private void stopOnSignal() {
        if (stack.isStopping()) {
            stack.stopAll(console);
            return;
        }
        console.blank();
        console.line("Stopping...");
        if (stack.stopAll(console)) {
            console.line("Stopped.");
            Runtime.getRuntime().halt(0);
        }
    }

    private Optional<String> missingJars() {
        List<ModuleApp> apps = new ArrayList<>(List.of(ModuleApp.PROVIDER_SANDBOX));
        if (!options.onlyInfra()) {
            apps.addAll(ModuleApp.SERVICES);
            apps.add(ModuleApp.GATEWAY);
        }
        List<String> missing = apps.stream().filter(app -> app.executableJar(layout.root()).isEmpty())
                .map(app -> app.module() + "/target/" + app.module() + "-*.jar").toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("No executable jar for: " + String.join(", ", missing)
                + ".\nBuild them first: ./devstack.sh does, or ./mvnw -B -q -DskipTests install"
                + (options.onlyInfra() ? "" : "\n(--only=infra needs just the provider sandbox)"));
    }

    private Optional<String> portsInUse() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "postgres");
        ports.put(KAFKA_PORT, "kafka");
        ports.put(KAFKA_CONTROLLER_PORT, "kafka controller");
        ports.put(IDENTITY_PORT, "identity");
        List<ModuleApp> apps = new ArrayList<>(List.of(ModuleApp.PROVIDER_SANDBOX));
        if (!options.onlyInfra()) {
            apps.addAll(ModuleApp.SERVICES);
            apps.add(ModuleApp.GATEWAY);
        }
        apps.forEach(app -> app.ports().forEach(port -> ports.put(port, app.module())));
        List<String> taken = ports.entrySet().stream().filter(entry -> !Ports.isFree(entry.getKey()))
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").toList();
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Cannot start: port " + String.join(", ", taken) + (taken.size() == 1 ? " is" : " are")
                + " already in use by another process.\nFree " + (taken.size() == 1 ? "it" : "them")
                + " first; to see who holds a port: ss -ltnp 'sport = :<port>'  (or lsof -i :<port>)");
    }

    /** Children a killed launcher may have left, the latest started first. */
    private static List<String> leftoverOrder() {
        List<String> names = new ArrayList<>();
        names.add(ModuleApp.GATEWAY.module());
        ModuleApp.SERVICES.forEach(app -> names.add(app.module()));
        names.addAll(List.of(ModuleApp.PROVIDER_SANDBOX.module(), "identity", "kafka"));
        return names;
    }

    private void printSummary(DemoUsers users, Map<DemoUser, Path> tokens) {
        console.blank();
        if (!options.onlyInfra()) {
            console.line("API (through the gateway)  %s", ModuleApp.GATEWAY.url());
            console.line("Swagger UI");
            ModuleApp.SERVICES.stream().filter(ModuleApp::hasSwaggerUi).forEach(app ->
                    console.line("  %-22s %s/swagger-ui.html", app.module(), app.url()));
        }
        console.line("Provider sandbox           %s/sandbox   (SMTP localhost:3025)", ModuleApp.PROVIDER_SANDBOX.url());
        console.line("OIDC issuer                %s   (JWKS %s/oauth2/jwks; clients switchboard-web,"
                + " switchboard-internal)", ISSUER, ISSUER);
        console.line("Kafka bootstrap            localhost:%d", KAFKA_PORT);
        console.line("PostgreSQL                 jdbc:postgresql://localhost:%d/%s   (user %s, password %s)",
                POSTGRES_PORT, DATABASE, DATABASE_USER, DATABASE_PASSWORD);
        console.line("Data and logs              %s/, %s/<name>.log", layout.relative(layout.data()),
                layout.relative(layout.logs()));
        console.blank();
        console.line("Demo users (log in with password \"%s\"; access tokens valid %d h):", DEMO_PASSWORD,
                TOKEN_LIFETIME.toHours());
        String practice = null;
        for (DemoUser user : users.all()) {
            if (!user.practiceName().equals(practice)) {
                practice = user.practiceName();
                console.line("  %s (%s)", practice, user.practiceId());
            }
            console.line("    %-13s %-24s %-15s %s", user.name(), user.email(), user.role(),
                    layout.relative(tokens.get(user)));
        }
        console.blank();
        if (!options.onlyInfra()) {
            console.line("Try:");
            console.line("  curl -H \"Authorization: Bearer $(cat %s)\" %s/api/register/clients",
                    layout.relative(tokens.get(users.all().get(0))), ModuleApp.GATEWAY.url());
        }
        OptionalLong memory = ResidentMemory.of(stack.processes());
        memory.ifPresent(bytes -> console.line("Memory: %.1f GB resident across the stack's processes.",
                bytes / (1024.0 * 1024 * 1024)));
        if (options.onlyInfra()) {
            console.line("Services are not started (--only=infra): run one from the IDE with"
                    + " SPRING_PROFILES_ACTIVE=demo; its defaults point here.");
        }
        console.blank();
        console.line("Running. Press Ctrl-C to stop everything.");
    }
}
