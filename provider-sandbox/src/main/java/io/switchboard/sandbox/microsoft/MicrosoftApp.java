package io.switchboard.sandbox.microsoft;

import java.util.List;

/**
 * An app registration (multi-tenant, like Switchboard's): its client id and secret and the redirect URIs
 * the identity platform accepts for it.
 */
public record MicrosoftApp(String clientId, String clientSecret, String displayName, List<String> redirectUris) {

    public MicrosoftApp {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        displayName = displayName == null || displayName.isBlank() ? clientId : displayName;
    }

    public boolean allowsRedirectUri(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }
}
