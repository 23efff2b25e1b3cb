package io.switchboard.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.contracts.TopicSpec;
import io.switchboard.platform.messaging.KafkaTopicsProperties;

/**
 * What every Switchboard service must do from its first day, checked against the running service:
 * a service's test extends this (annotated {@link SwitchboardIntegrationTest}) and inherits the checks.
 */
public abstract class ServiceConventionsContract {

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaTopicsProperties topics;
    @Autowired
    protected JdbcClient jdbc;

    protected Api api() {
        return Api.onPort(port);
    }

    @Test
    void keepsItsFeaturePackagesWithinTheirBoundaries(@Autowired org.springframework.context.ApplicationContext context) {
        Class<?> application = context.getBeansWithAnnotation(SpringBootApplication.class).values().iterator().next()
                .getClass();
        // Feature packages may use each other's API but never another feature's internal package.
        ApplicationModules.of(org.springframework.util.ClassUtils.getUserClass(application)).verify();
    }

    @Test
    void reportsReadyAndLiveForProbes() {
        assertThat(api().get("/actuator/health/readiness", null).json().get("status").asText()).isEqualTo("UP");
        assertThat(api().get("/actuator/health/liveness", null).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutboxLatency() {
        Api.Response metrics = api().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("switchboard_outbox_commit_to_broker", "http_server_requests");
    }

    @Test
    void publishesItsOpenApiDocument() {
        Api.Response docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void refusesAnonymousApiCallsWithProblemJson() {
        Api.Response response = api().get("/anything-behind-the-api", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void migratedItsSchemaWithThePlatformTables() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()")
                .query(String.class).list();
        assertThat(tables).contains("outbox_event", "processed_event", "flyway_schema_history");
    }

    @Test
    void createdEveryTopicItPublishesOrConsumesAndTheirDeadLetterTopics() throws Exception {
        Set<String> expected = new HashSet<>(topics.publishes());
        topics.consumes().forEach(name -> {
            expected.add(name);
            expected.add(name + TopicSpec.DEAD_LETTER_SUFFIX);
        });
        try (AdminClient admin = AdminClient.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(existing).containsAll(expected);
        }
    }
}
