package io.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.register.CorrespondenceRecorded;

/** The standard catalog holds the published types, each on a registered topic and named after it. */
class EventCatalogTest {

    @Test
    void standardCatalogFindsEveryTypeByNameAndByDataClass() {
        EventCatalog catalog = EventCatalog.standard();

        assertThat(catalog.types()).hasSize(22).containsExactlyElementsOf(EventTypes.all());
        for (EventType<?> type : catalog.types()) {
            assertThat(catalog.forType(type.type())).contains(type);
            assertThat(catalog.forData(type.dataClass())).isSameAs(type);
        }
        assertThat(catalog.forData(CorrespondenceRecorded.class)).isEqualTo(EventTypes.CORRESPONDENCE_RECORDED);
        assertThat(catalog.forData(SlackNotificationRequested.class).topic()).isEqualTo(Topics.NOTIFY_SLACK);
    }

    @Test
    void everyTypeIsPublishedOnARegisteredTopicAndNamedAfterIt() {
        for (EventType<?> type : EventTypes.all()) {
            String topic = type.topic().name();
            String topicBase = topic.substring(0, topic.lastIndexOf('.'));
            String version = topic.substring(topic.lastIndexOf('.'));

            assertThat(Topics.byName(topic)).as(type.type()).contains(type.topic());
            assertThat(type.type()).startsWith("switchboard." + topicBase + ".").endsWith(version);
        }
    }

    @Test
    void snapshotTypesLiveOnCompactedTopics() {
        assertThat(EventTypes.NOTIFICATION_SETTINGS.topic().compacted()).isTrue();
        assertThat(EventTypes.DIRECTORY_USER.topic().compacted()).isTrue();
        assertThat(EventTypes.CLIENT_SNAPSHOT.topic().compacted()).isTrue();
        assertThat(EventTypes.CORRESPONDENCE_RECORDED.topic().compacted()).isFalse();
    }
}
