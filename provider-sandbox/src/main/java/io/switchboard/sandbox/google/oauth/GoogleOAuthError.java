package io.switchboard.sandbox.google.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Google's OAuth error body: {@code {"error":"invalid_grant","error_description":"Bad Request"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GoogleOAuthError(String error, @JsonProperty("error_description") String errorDescription) {

    static GoogleOAuthError of(String error, String description) {
        return new GoogleOAuthError(error, description);
    }
}
