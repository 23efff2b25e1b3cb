package io.switchboard.e2e;

import java.util.HashMap;
import java.util.Map;

import io.switchboard.platform.test.SharedInfrastructure;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.platform.test.TestIssuer;
import io.switchboard.platform.test.TestTokens;

/**
 * The services an end-to-end test needs, each from its own jar, pointed at the test JVM's shared
 * Kafka and PostgreSQL (one database, a schema per service, as in production) and at the test token
 * issuer's key. Started once per JVM and shared by every journey.
 */
final class Stack {

    /** Where the web front end would be; links in messages point here. */
    static final String PUBLIC_URL = "https://app.switchboard.test";

    /**
     * Slack's limits sped up 10 times for test speed: 1 msg/s per channel becomes 10/s, "several hundred a
     * minute" per workspace 100/s. Slow enough that a busy channel really builds a queue in the journeys.
     */
    static final int SLACK_CHANNEL_RATE = 10;
    static final int SLACK_CHANNEL_BURST = 3;
    static final int SLACK_WORKSPACE_RATE = 100;
    static final int SLACK_WORKSPACE_BURST = 20;

    /** The Slack app's signing secret, shared by Slack (the sandbox signs button presses), the gateway and integration. */
    static final String SLACK_SIGNING_SECRET = "e2e-slack-signing-secret-8f3a";

    private static Stack instance;

    final String database;
    final ServiceProcess register;
    final ServiceProcess integration;
    final ServiceProcess notifier;
    final ServiceProcess workflow;
    final ServiceProcess gmailSync;
    final ProviderSandbox sandbox = ProviderSandbox.shared();
    final ServiceProcess gateway;

    private Stack() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        database = infrastructure.createDatabase();
        Map<String, String> common = new HashMap<>();
        common.put("SPRING_DATASOURCE_URL", infrastructure.jdbcUrl(database));
        common.put("SPRING_DATASOURCE_USERNAME", infrastructure.username());
        common.put("SPRING_DATASOURCE_PASSWORD", infrastructure.password());
        common.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        common.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", TestTokens.ISSUER);
        common.put("SWITCHBOARD_SECURITY_JWT_PUBLIC_KEY", TestTokens.publicKeyPem());
        common.put("SWITCHBOARD_INTERNAL_CLIENT_TOKEN_URI", TestIssuer.tokenUri());
        common.put("SWITCHBOARD_INTERNAL_CLIENT_SECRET", TestIssuer.CLIENT_SECRET);
        common.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash");

        common.put("SWITCHBOARD_SLACK_API_BASE", sandbox.baseUrl());
        common.put("SWITCHBOARD_SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET);
        common.put("SWITCHBOARD_SLACK_OAUTH_BASE", sandbox.baseUrl());
        common.put("SWITCHBOARD_PUBLIC_URL", PUBLIC_URL);
        common.put("SWITCHBOARD_MICROSOFT_AUTHORITY", sandbox.baseUrl());
        common.put("SWITCHBOARD_GRAPH_BASE", sandbox.baseUrl());
        common.put("SWITCHBOARD_GOOGLE_AUTHORIZATION_URI", sandbox.baseUrl() + "/o/oauth2/v2/auth");
        common.put("SWITCHBOARD_GOOGLE_TOKEN_URI", sandbox.baseUrl() + "/token");
        common.put("SWITCHBOARD_GOOGLE_REVOKE_URI", sandbox.baseUrl() + "/revoke");
        common.put("SWITCHBOARD_GOOGLE_USERINFO_URI", sandbox.baseUrl() + "/oauth2/v3/userinfo");
        common.put("SWITCHBOARD_GMAIL_ROOT_URL", sandbox.baseUrl() + "/");

        register = ServiceProcess.start("register-service", common);
        Map<String, String> integrationEnv = new HashMap<>(common);
        // The Slack button's action is recorded through the register's internal API.
        integrationEnv.put("SWITCHBOARD_REGISTER_BASE_URL", register.baseUrl());
        integration = ServiceProcess.start("integration-service", integrationEnv);
        register.awaitHealthy("/actuator/health/readiness");
        integration.awaitHealthy("/actuator/health/readiness");
        Map<String, String> workflowEnv = new HashMap<>(common);
        workflowEnv.put("SWITCHBOARD_INTEGRATION_BASE_URL", integration.baseUrl());
        workflowEnv.put("SWITCHBOARD_WORKFLOW_DOCUMENTS_DIR",
                java.nio.file.Path.of("target", "e2e-data", "documents").toAbsolutePath().toString());
        // Started now, awaited after the notifier: on two cores the JVMs' start-ups overlap the waits.
        workflow = ServiceProcess.start("workflow-service", workflowEnv);
        Map<String, String> notifierEnv = new HashMap<>(common);
        notifierEnv.put("SWITCHBOARD_INTEGRATION_BASE_URL", integration.baseUrl());
        notifierEnv.put("SPRING_MAIL_HOST", sandbox.smtpHost());
        notifierEnv.put("SPRING_MAIL_PORT", Integer.toString(sandbox.smtpPort()));
        // Slack's limits, time-scaled as the sandbox's are in the busy journey (see SLACK_CHANNEL_RATE).
        notifierEnv.put("SWITCHBOARD_NOTIFIER_PACING_SLACKCHANNELRATE", Integer.toString(SLACK_CHANNEL_RATE));
        notifierEnv.put("SWITCHBOARD_NOTIFIER_PACING_SLACKCHANNELBURST", Integer.toString(SLACK_CHANNEL_BURST));
        notifierEnv.put("SWITCHBOARD_NOTIFIER_PACING_SLACKWORKSPACERATE", Integer.toString(SLACK_WORKSPACE_RATE));
        notifierEnv.put("SWITCHBOARD_NOTIFIER_PACING_SLACKWORKSPACEBURST", Integer.toString(SLACK_WORKSPACE_BURST));
        Map<String, String> gmailEnv = new HashMap<>(common);
        gmailEnv.put("SWITCHBOARD_INTEGRATION_BASE_URL", integration.baseUrl());
        gmailEnv.put("SWITCHBOARD_REGISTER_BASE_URL", register.baseUrl());
        // Sync (G5) polls on a schedule; the journeys do not wait a production interval for it.
        gmailEnv.put("SWITCHBOARD_GMAIL_SYNC_INTERVAL", "1s");
        gmailEnv.put("SWITCHBOARD_GMAIL_SYNC_USER_INTERVAL", "1s");
        gmailEnv.put("SWITCHBOARD_GMAIL_SYNC_BACKOFF_INITIAL", "1s");
        gmailEnv.put("SWITCHBOARD_GMAIL_SYNC_BACKOFF_MAX", "5s");
        notifier = ServiceProcess.start("notifier-service", notifierEnv).awaitHealthy("/actuator/health/readiness");
        gmailSync = ServiceProcess.start("gmail-sync-service", gmailEnv);
        workflow.awaitHealthy("/actuator/health/readiness");
        gmailSync.awaitHealthy("/actuator/health/readiness");

        Map<String, String> gatewayEnv = new HashMap<>(common);
        gatewayEnv.put("REGISTER_URI", register.baseUrl());
        gatewayEnv.put("INTEGRATION_URI", integration.baseUrl());
        gatewayEnv.put("NOTIFIER_URI", notifier.baseUrl());
        gatewayEnv.put("WORKFLOW_URI", workflow.baseUrl());
        gatewayEnv.put("GMAIL_SYNC_URI", gmailSync.baseUrl());
        // The journeys are not about the gateway's per-practice limit; the busy one logs 300 entries at full speed.
        gatewayEnv.put("SWITCHBOARD_GATEWAY_RATELIMIT_LIMITS_PRACTICE_RATE", "1000");
        gatewayEnv.put("SWITCHBOARD_GATEWAY_RATELIMIT_LIMITS_PRACTICE_PERIOD", "1s");
        gatewayEnv.put("SWITCHBOARD_GATEWAY_RATELIMIT_LIMITS_PRACTICE_BURST", "1000");
        // Nor about the anonymous one: the isolation matrix asks every operation without a token.
        gatewayEnv.put("SWITCHBOARD_GATEWAY_RATELIMIT_LIMITS_ANONYMOUS_RATE", "1000");
        gatewayEnv.put("SWITCHBOARD_GATEWAY_RATELIMIT_LIMITS_ANONYMOUS_PERIOD", "1s");
        gatewayEnv.put("SWITCHBOARD_GATEWAY_RATELIMIT_LIMITS_ANONYMOUS_BURST", "1000");
        gateway = ServiceProcess.start("gateway", gatewayEnv).awaitHealthy("/actuator/health");
    }

    /** A JDBC connection to the stack's database, for arranging what no API creates yet. */
    java.sql.Connection jdbc() throws java.sql.SQLException {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        return java.sql.DriverManager.getConnection(infrastructure.jdbcUrl(database), infrastructure.username(),
                infrastructure.password());
    }

    static synchronized Stack get() {
        if (instance == null) {
            instance = new Stack();
        }
        return instance;
    }
}
