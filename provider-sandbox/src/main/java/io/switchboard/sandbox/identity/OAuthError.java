package io.switchboard.sandbox.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 error body (RFC 6749 §5.2) the identity platform answers with. */
record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {

    static OAuthError of(String error, String description) {
        return new OAuthError(error, description);
    }
}
