package io.switchboard.platform.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The correlation and causation ids of the work on this thread, kept in the logging MDC so every log
 * line carries them and the outbox copies them into the events it records.
 */
public final class Correlation {

    /** HTTP header carrying the correlation id in and out of every service. */
    public static final String HEADER = "X-Correlation-Id";
    public static final String CORRELATION_MDC_KEY = "correlationId";
    public static final String CAUSATION_MDC_KEY = "causationId";

    // A caller's id is echoed in logs and headers: accept only short, plain ids.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {
    }

    /** The caller's id when it is acceptable, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static String correlationId() {
        return MDC.get(CORRELATION_MDC_KEY);
    }

    public static String causationId() {
        return MDC.get(CAUSATION_MDC_KEY);
    }

    /** Sets both ids for the duration of the returned scope; closing it restores what was there before. */
    public static Scope open(String correlationId, String causationId) {
        String previousCorrelation = MDC.get(CORRELATION_MDC_KEY);
        String previousCausation = MDC.get(CAUSATION_MDC_KEY);
        put(CORRELATION_MDC_KEY, correlationId);
        put(CAUSATION_MDC_KEY, causationId);
        return () -> {
            put(CORRELATION_MDC_KEY, previousCorrelation);
            put(CAUSATION_MDC_KEY, previousCausation);
        };
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** A correlation scope; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
