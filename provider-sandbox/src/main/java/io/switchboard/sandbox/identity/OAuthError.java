package io.switchboard.sandbox.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The OAuth 2.0 error body (RFC 6749 §5.2) as the Microsoft identity platform sends it: an {@code AADSTS}
 * code in the description and in {@code error_codes}, with a timestamp and trace and correlation ids.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OAuthError(
        String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("error_codes") List<Integer> errorCodes,
        String timestamp,
        @JsonProperty("trace_id") String traceId,
        @JsonProperty("correlation_id") String correlationId,
        @JsonProperty("error_uri") String errorUri) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** An error without an AADSTS code (the sandbox's own, e.g. for a path it does not emulate). */
    static OAuthError of(String error, String description) {
        return aadsts(error, 0, description, null);
    }

    /**
     * An error as the platform words it: {@code "AADSTS70008: … \r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …"};
     * the correlation id is the client's {@code client-request-id} when it sent one.
     */
    static OAuthError aadsts(String error, int code, String message, String clientRequestId) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = clientRequestId == null || clientRequestId.isBlank() ? UUID.randomUUID().toString() : clientRequestId;
        String timestamp = TIMESTAMP.format(Instant.now());
        String prefix = code == 0 ? "" : "AADSTS" + code + ": ";
        String description = prefix + message + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId
                + "\r\nTimestamp: " + timestamp;
        return new OAuthError(error, description, code == 0 ? List.of() : List.of(code), timestamp, traceId, correlationId,
                code == 0 ? null : "https://login.microsoftonline.com/error?code=" + code);
    }
}
