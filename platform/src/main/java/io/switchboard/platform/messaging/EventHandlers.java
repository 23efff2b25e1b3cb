package io.switchboard.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventData;
import io.switchboard.contracts.EventType;

/**
 * Dispatches a consumed CloudEvent to the handler registered for its {@code type}, decoded into the
 * type's record. Types without a handler are skipped: a topic may carry types this consumer does not
 * care about, including ones added after it was built.
 */
public final class EventHandlers {

    private final EventCodec codec;
    private final Map<String, Registration<?>> byType;

    private EventHandlers(EventCodec codec, Map<String, Registration<?>> byType) {
        this.codec = codec;
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder(EventCodec codec) {
        return new Builder(codec);
    }

    /**
     * Decodes and handles {@code event}.
     *
     * @return {@code false} when no handler is registered for its type
     */
    public boolean dispatch(CloudEvent event) {
        Registration<?> registration = byType.get(event.getType());
        if (registration == null) {
            return false;
        }
        registration.handle(codec, event);
        return true;
    }

    public boolean handles(String type) {
        return byType.containsKey(type);
    }

    private record Registration<T extends EventData>(EventType<T> type, BiConsumer<T, CloudEvent> handler) {
        void handle(EventCodec codec, CloudEvent event) {
            handler.accept(codec.decode(event, type), event);
        }
    }

    /** Collects one handler per event type. */
    public static final class Builder {
        private final EventCodec codec;
        private final Map<String, Registration<?>> byType = new LinkedHashMap<>();

        private Builder(EventCodec codec) {
            this.codec = codec;
        }

        public <T extends EventData> Builder on(EventType<T> type, BiConsumer<T, CloudEvent> handler) {
            if (byType.putIfAbsent(type.type(), new Registration<>(type, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + type.type());
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(codec, byType);
        }
    }
}
