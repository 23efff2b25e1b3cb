package io.switchboard.sandbox.slack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Slack's failure body, {@code {"ok":false,"error":"invalid_auth"}}; for {@code invalid_blocks} also
 * {@code "errors":["no more than 25 items allowed [json-pointer:/blocks/1/elements]"]} and the same lines,
 * prefixed {@code [ERROR] }, in {@code response_metadata.messages}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SlackErrorResponse(boolean ok, String error, @JsonProperty("req_method") String reqMethod, List<String> errors,
        @JsonProperty("response_metadata") Metadata responseMetadata) {

    SlackErrorResponse(boolean ok, String error, String reqMethod) {
        this(ok, error, reqMethod, null, null);
    }

    static SlackErrorResponse of(String error) {
        return new SlackErrorResponse(false, error, null);
    }

    static SlackErrorResponse of(SlackApiError e) {
        if (e.details().isEmpty()) {
            return of(e.error());
        }
        return new SlackErrorResponse(false, e.error(), null, e.details(),
                new Metadata(e.details().stream().map(detail -> "[ERROR] " + detail).toList()));
    }

    record Metadata(List<String> messages) {
    }
}
