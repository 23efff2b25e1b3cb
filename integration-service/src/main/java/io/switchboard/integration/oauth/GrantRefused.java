package io.switchboard.integration.oauth;

/**
 * A provider's token endpoint refused a grant: a revoked, expired or already used code or refresh token
 * ({@code invalid_grant}). The message names the OAuth error only, never the grant.
 */
public class GrantRefused extends RuntimeException {

    private final String error;

    public GrantRefused(String error, String providerCode) {
        super("the provider refused the grant: " + error + (providerCode == null ? "" : " (" + providerCode + ")"));
        this.error = error;
    }

    public String error() {
        return error;
    }
}
