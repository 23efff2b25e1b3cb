package io.switchboard.integration.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.EventData;
import io.switchboard.platform.test.KafkaProbe;

/** Waits for a practice's event of one type on a probe and decodes it. */
public final class Events {

    private static final EventCodec CODEC = EventCodec.standard();

    private Events() {
    }

    public static <T extends EventData> T await(KafkaProbe probe, EventType<T> type, UUID practiceId,
                                                java.util.function.Predicate<T> matching) {
        CloudEvent event = probe.awaitEvent(e -> e.getType().equals(type.type())
                && practiceId.equals(EventCodec.practiceId(e)) && matching.test(CODEC.decode(e, type)));
        return CODEC.decode(event, type);
    }

    /** The raw JSON of the event's data, to assert what it does not contain. */
    public static String json(CloudEvent event) {
        return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }
}
