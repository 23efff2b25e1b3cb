package io.switchboard.contracts;

/**
 * Names of the CloudEvents extension attributes every Switchboard event carries (ARCHITECTURE.md).
 * In the Kafka binary binding they travel as {@code ce_<name>} headers.
 */
public final class CloudEventExtensions {

    /** The tenant (practice) the event belongs to. */
    public static final String PRACTICE_ID = "practiceid";
    /** Id shared by everything caused by one request, copied from the {@code X-Correlation-Id} header. */
    public static final String CORRELATION_ID = "correlationid";
    /** Id of the event (or request) that directly caused this one. */
    public static final String CAUSATION_ID = "causationid";
    /** W3C trace context of the producing span. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventExtensions() {
    }
}
