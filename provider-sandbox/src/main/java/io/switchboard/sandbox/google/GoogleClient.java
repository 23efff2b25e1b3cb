package io.switchboard.sandbox.google;

import java.util.List;

/** An OAuth client of a Google Cloud project: a web application with its secret and registered redirect URIs. */
public record GoogleClient(String clientId, String clientSecret, String displayName, List<String> redirectUris) {

    public GoogleClient {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        displayName = displayName == null || displayName.isBlank() ? clientId : displayName;
    }

    public boolean allowsRedirectUri(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }
}
