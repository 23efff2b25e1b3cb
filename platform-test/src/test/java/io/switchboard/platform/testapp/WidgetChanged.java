package io.switchboard.platform.testapp;

import java.time.Duration;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.TopicSpec;

/** The test aggregate's event; {@code version} counts the aggregate's changes so order can be checked. */
public record WidgetChanged(UUID practiceId, UUID widgetId, String name, int version) implements EventData {

    public static final TopicSpec TOPIC = new TopicSpec("platform.test.widget.v1", 3, TopicSpec.Cleanup.DELETE,
            Duration.ofDays(1));
    public static final EventType<WidgetChanged> TYPE =
            new EventType<>("switchboard.test.widget.changed.v1", TOPIC, WidgetChanged.class);

    public WidgetChanged {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a widget has a name");
        }
    }

    @Override
    public String subject() {
        return widgetId.toString();
    }
}
