package io.switchboard.integration.teams;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Microsoft identity platform and Graph are and who we are to them ({@code switchboard.microsoft.*}).
 * Production: authority {@code https://login.microsoftonline.com}, graph base {@code https://graph.microsoft.com};
 * tests and the dev stack point both at the provider sandbox.
 *
 * @param authority          the identity platform's base; endpoints are {@code {authority}/{tenant}/oauth2/v2.0/...}
 * @param tenant             the tenant segment for sign-in and consent: {@code organizations} (any work account)
 * @param graphBase          Graph's base; calls go to {@code {graphBase}/v1.0/...}
 * @param clientId           the app registration's client id
 * @param clientSecret       its client secret
 * @param scopes             the delegated permissions each user grants, space-separated
 * @param redirectUri        the public callback for a user's sign-in
 * @param consentRedirectUri the public callback for the admin consent
 * @param refreshAhead       tokens expiring within this are refreshed before being handed out
 */
@ConfigurationProperties("switchboard.microsoft")
public record MicrosoftProperties(String authority, String tenant, String graphBase, String clientId,
                                  String clientSecret, String scopes, String redirectUri, String consentRedirectUri,
                                  Duration refreshAhead) {

    public MicrosoftProperties {
        authority = trimSlash(authority == null ? "https://login.microsoftonline.com" : authority);
        tenant = tenant == null || tenant.isBlank() ? "organizations" : tenant;
        graphBase = trimSlash(graphBase == null ? "https://graph.microsoft.com" : graphBase);
        refreshAhead = refreshAhead == null ? Duration.ofMinutes(5) : refreshAhead;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "MicrosoftProperties[authority=" + authority + ", tenant=" + tenant + ", graphBase=" + graphBase
                + ", clientId=" + clientId + ", scopes=" + scopes + ", redirectUri=" + redirectUri + "]";
    }
}
