package io.switchboard.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this service obtains tokens for calls to other services' {@code /internal} APIs.
 *
 * @param tokenUri     the issuer's token endpoint
 * @param clientId     the confidential client shared by Switchboard's services
 * @param clientSecret its secret, from the environment ({@code SWITCHBOARD_INTERNAL_CLIENT_SECRET})
 * @param scope        the scope {@code /internal/**} requires
 */
@ConfigurationProperties("switchboard.internal-client")
public record InternalClientProperties(String tokenUri, String clientId, String clientSecret, String scope) {

    public InternalClientProperties {
        tokenUri = tokenUri == null ? "http://localhost:9000/oauth2/token" : tokenUri;
        clientId = clientId == null ? "switchboard-internal" : clientId;
        clientSecret = clientSecret == null ? "switchboard-internal-dev-secret" : clientSecret;
        scope = scope == null ? "internal" : scope;
    }

    @Override
    public String toString() {
        return "InternalClientProperties[tokenUri=" + tokenUri + ", clientId=" + clientId + ", scope=" + scope + "]";
    }
}
