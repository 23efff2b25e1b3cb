package io.switchboard.sandbox.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Slack's failure body, {@code {"ok":false,"error":"invalid_auth"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SlackErrorResponse(boolean ok, String error, @JsonProperty("req_method") String reqMethod) {

    static SlackErrorResponse of(String error) {
        return new SlackErrorResponse(false, error, null);
    }
}
