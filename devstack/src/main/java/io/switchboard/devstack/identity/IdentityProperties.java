package io.switchboard.devstack.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dev identity server runs; every value can be set by environment ({@code SWITCHBOARD_IDENTITY_*}).
 *
 * @param issuer               the {@code iss} of every token and the base of the discovery document; the
 *                             services compare it with their {@code issuer-uri}
 * @param keyFile              where the RSA signing key (a private JWK) is kept between runs
 * @param demoPassword         the password of every demo user
 * @param internalClientSecret the secret of the {@code switchboard-internal} client (client credentials)
 * @param userTokenTtl         lifetime of a logged-in user's access token
 * @param serviceTokenTtl      lifetime of a service's (client credentials) access token
 * @param webRedirectUris      where {@code switchboard-web} may be sent back after login; Ant-style path
 *                             patterns are allowed (see {@link RedirectUriPatterns})
 */
@ConfigurationProperties("switchboard.identity")
public record IdentityProperties(String issuer, Path keyFile, String demoPassword, String internalClientSecret,
                                 Duration userTokenTtl, Duration serviceTokenTtl, List<String> webRedirectUris) {
}
