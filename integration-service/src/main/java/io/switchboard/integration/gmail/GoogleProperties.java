package io.switchboard.integration.gmail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Google's OAuth endpoints and who we are to them ({@code switchboard.google.*}). Production:
 * {@code https://accounts.google.com/o/oauth2/v2/auth}, {@code https://oauth2.googleapis.com/token},
 * {@code https://oauth2.googleapis.com/revoke}, {@code https://openidconnect.googleapis.com/v1/userinfo};
 * the dev stack and tests point them at the provider sandbox.
 *
 * @param scopes     what every user grants: identity, the add-on's access to the open message, sending
 * @param syncScopes added only for a user who opts in to sync (G5): reading their mailbox's history
 */
@ConfigurationProperties("switchboard.google")
public record GoogleProperties(String authorizationUri, String tokenUri, String revokeUri, String userinfoUri,
                               String clientId, String clientSecret, String scopes, String syncScopes,
                               String redirectUri, Duration refreshAhead) {

    public GoogleProperties {
        refreshAhead = refreshAhead == null ? Duration.ofMinutes(5) : refreshAhead;
    }

    @Override
    public String toString() {
        return "GoogleProperties[authorizationUri=" + authorizationUri + ", tokenUri=" + tokenUri + ", clientId="
                + clientId + ", scopes=" + scopes + ", redirectUri=" + redirectUri + "]";
    }
}
