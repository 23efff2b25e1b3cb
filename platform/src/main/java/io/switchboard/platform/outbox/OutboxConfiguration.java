package io.switchboard.platform.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contracts.EventCodec;
import io.switchboard.platform.messaging.MessagingConfiguration;

/** Wires the transactional outbox and its relay into every service. */
@AutoConfiguration(after = MessagingConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    Outbox outbox(JdbcClient jdbc, EventCodec codec, Environment environment, ObjectProvider<OutboxRelay> relay) {
        String source = "/switchboard/" + environment.getProperty("spring.application.name", "unnamed-service");
        return new Outbox(jdbc, codec, source, () -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    @Bean
    @ConditionalOnProperty(name = "switchboard.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, CloudEvent> kafkaTemplate,
                            OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(jdbc, tx, kafkaTemplate, properties, meters);
    }
}
