package io.switchboard.platform.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.TopicSpec;
import io.switchboard.contracts.Topics;
import tools.jackson.core.JacksonException;

/**
 * Kafka conventions every service shares: CloudEvents in binary mode, topics created from the
 * registry, failed records retried briefly and then dead-lettered to {@code <topic>.dlt} with the
 * reason in headers, so no record stalls its partition.
 */
// Before Boot's Kafka auto-configuration, so its KafkaTemplate backs off in favour of the CloudEvents one.
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties({KafkaTopicsProperties.class, KafkaProperties.class})
public class MessagingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return EventCodec.standard();
    }

    @Bean
    KafkaTemplate<String, CloudEvent> kafkaTemplate(KafkaProperties properties) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(),
                new StringSerializer(), new CloudEventSerializer()));
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, CloudEvent> kafkaTemplate, KafkaProperties properties) {
        // A record that could not be deserialised reaches the recoverer as its raw bytes.
        KafkaTemplate<String, byte[]> rawTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer()));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(CloudEvent.class, kafkaTemplate);
        templates.put(byte[].class, rawTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(record.topic() + TopicSpec.DEAD_LETTER_SUFFIX, record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(3);
        backOff.setMaxInterval(2_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // Retrying cannot fix a record whose content is wrong: straight to the dead-letter topic.
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class,
                EventCodec.UnknownEventTypeException.class, NullPointerException.class);
        return handler;
    }

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> listenerContainerCustomizer(
            KafkaTopicsProperties topics) {
        StaticMembership staticMembership = new StaticMembership(topics.instanceId());
        return container -> {
            String group = container.getContainerProperties().getGroupId();
            if (!topics.groupSuffix().isEmpty() && group != null && !group.endsWith(topics.groupSuffix())) {
                group = group + topics.groupSuffix();
                container.getContainerProperties().setGroupId(group);
            }
            staticMembership.apply(container, group);
        };
    }

    @Bean
    KafkaAdmin.NewTopics switchboardTopics(KafkaTopicsProperties properties) {
        Set<TopicSpec> specs = new LinkedHashSet<>();
        properties.publishes().forEach(name -> specs.add(spec(name)));
        for (String name : properties.consumes()) {
            specs.add(spec(name));
            specs.add(spec(name).deadLetter());
        }
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : specs) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), properties.replicationFactor()).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT
                            : TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()))));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    IdempotentConsumer idempotentConsumer(JdbcClient jdbc, TransactionTemplate tx) {
        return new IdempotentConsumer(jdbc, tx);
    }

    private static TopicSpec spec(String name) {
        if (name.endsWith(TopicSpec.DEAD_LETTER_SUFFIX)) {
            String base = name.substring(0, name.length() - TopicSpec.DEAD_LETTER_SUFFIX.length());
            return spec(base).deadLetter();
        }
        return Topics.byName(name)
                .orElseThrow(() -> new IllegalStateException("topic " + name + " is not in the contracts' Topics registry"));
    }
}
