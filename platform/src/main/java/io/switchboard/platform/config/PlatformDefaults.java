package io.switchboard.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The conventions every service runs with, as the lowest-precedence property source: a service's
 * application.yml, profile files and environment variables all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "switchboardPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // CloudEvents in Kafka's binary mode; a record that cannot be read is handed to the error handler.
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        defaults.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                "io.cloudevents.kafka.CloudEventDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        // A consumer that dies without leaving (kill -9, a lost node) holds its partitions until its session times
        // out: 15 s rather than Kafka's 45 s, still five missed heartbeats (every 3 s) before the group gives up on it.
        defaults.put("spring.kafka.consumer.properties.session.timeout.ms", "15000");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.linger.ms", "1");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        // The platform's own tables (outbox, processed events) migrate before the service's.
        defaults.put("spring.flyway.locations", "classpath:db/platform,classpath:db/migration");
        // A field the API does not know is a client error, not something to ignore silently.
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        defaults.put("server.shutdown", "graceful");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.tomcat.max-swallow-size", "2MB");
        defaults.put("server.tomcat.max-http-form-post-size", "1MB");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.observations.key-values.application", "${spring.application.name}");
        defaults.put("logging.structured.format.console", "logstash");
        defaults.put("springdoc.api-docs.path", "/v3/api-docs");
        defaults.put("switchboard.internal-client.client-secret", "${SWITCHBOARD_INTERNAL_CLIENT_SECRET:switchboard-internal-dev-secret}");
        environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
    }
}
