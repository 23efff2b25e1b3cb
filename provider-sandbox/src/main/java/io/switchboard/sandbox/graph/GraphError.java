package io.switchboard.sandbox.graph;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Graph's error body, {@code {"error":{"code":"…","message":"…","innerError":{…}}}}, which the Graph SDK
 * reads into its {@code ODataError}.
 */
record GraphError(Detail error) {

    static GraphError of(String code, String message) {
        return of(code, message, null);
    }

    static GraphError of(String code, String message, String clientRequestId) {
        String date = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        return new GraphError(new Detail(code, message, new InnerError(date, UUID.randomUUID().toString(), clientRequestId)));
    }

    record Detail(String code, String message, InnerError innerError) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InnerError(String date, @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {
    }
}
