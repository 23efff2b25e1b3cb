package io.switchboard.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type known to a producer or consumer, looked up by CloudEvents type or by data class.
 * {@link #standard()} holds the published contract; tests may build a catalog with their own types.
 */
public final class EventCatalog {

    private static final EventCatalog STANDARD = new EventCatalog(EventTypes.all());

    private final Map<String, EventType<?>> byType = new LinkedHashMap<>();
    private final Map<Class<?>, EventType<?>> byClass = new LinkedHashMap<>();

    public EventCatalog(List<EventType<?>> types) {
        for (EventType<?> type : types) {
            if (byType.putIfAbsent(type.type(), type) != null) {
                throw new IllegalArgumentException("event type registered twice: " + type.type());
            }
            if (byClass.putIfAbsent(type.dataClass(), type) != null) {
                throw new IllegalArgumentException("data class used by two event types: " + type.dataClass());
            }
        }
    }

    /** The published contract: every type in {@link EventTypes}. */
    public static EventCatalog standard() {
        return STANDARD;
    }

    /** This catalog plus {@code more}; used by tests that need a type of their own. */
    public EventCatalog with(List<EventType<?>> more) {
        List<EventType<?>> all = new ArrayList<>(byType.values());
        all.addAll(more);
        return new EventCatalog(all);
    }

    public Optional<EventType<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    @SuppressWarnings("unchecked")
    public <T extends EventData> EventType<T> forData(Class<T> dataClass) {
        EventType<?> type = byClass.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException("no event type for " + dataClass.getName()
                    + "; add it to EventTypes");
        }
        return (EventType<T>) type;
    }

    public List<EventType<?>> types() {
        return Collections.unmodifiableList(new ArrayList<>(byType.values()));
    }
}
