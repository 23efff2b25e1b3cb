package io.switchboard.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.switchboard.platform.test.SwitchboardIntegrationTest;

/**
 * With {@code switchboard.kafka.instance-id} set (the test app's application.yml), every listener joins its group as
 * a static member under a stable id, so a restarted instance takes its partitions back without a rebalance. The id is
 * {@code <instance>.<group>.<topics>}, and spring-kafka appends {@code -n} for the container's n-th consumer.
 */
@SwitchboardIntegrationTest
class StaticMembershipIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void theBrokerSeesTheListenerAsAStaticMemberNamedAfterInstanceGroupAndTopic() {
        String group = widgetEffects().getGroupId();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(staticIds(admin, group))
                    .containsExactly("platform-test-1." + group + ".platform.test.widget.v1-0"));
        }
    }

    @Test
    void aListenerRestartedUnderTheSameIdRejoinsAsTheSameStaticMember() throws Exception {
        MessageListenerContainer container = widgetEffects();
        String group = container.getGroupId();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !staticIds(admin, group).isEmpty());
            container.stop();
            container.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty());
            // One member, still under the same id: the restart replaced it instead of adding a second member.
            assertThat(staticIds(admin, group)).containsExactly("platform-test-1." + group + ".platform.test.widget.v1-0");
        }
    }

    /** The test app's listener; its group carries the per-context suffix the shared infrastructure sets. */
    private MessageListenerContainer widgetEffects() {
        return registry.getListenerContainers().stream()
                .filter(c -> c.getGroupId() != null && c.getGroupId().startsWith("widget-effects")).findFirst()
                .orElseThrow();
    }

    private static List<String> staticIds(Admin admin, String groupId) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                .describedGroups().get(groupId).get();
        return group.members().stream().map(MemberDescription::groupInstanceId)
                .map(id -> id.orElse(null)).filter(Objects::nonNull).toList();
    }

}
