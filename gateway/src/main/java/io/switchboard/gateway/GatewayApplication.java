package io.switchboard.gateway;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.StringUtils;

import io.switchboard.gateway.apidocs.ApiDocsIndex;
import io.switchboard.gateway.edge.Problems;
import io.switchboard.gateway.ratelimit.RateLimitFilter;
import io.switchboard.gateway.slack.SlackInteractionsFilter;

/**
 * The one entrance for the web front end and partner systems: routes each service's public API
 * (declared in application.yml), validates the caller's JWT and relays it unchanged, so every
 * service validates it again. The edge duties around the routes are in {@link EdgeConfiguration}.
 */
@SpringBootApplication
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** The OAuth returns from Slack, Microsoft and Google: the browser comes back without our token. */
    static final String[] OAUTH_CALLBACKS = {
            "/api/integrations/connections/slack/callback",
            "/api/integrations/connections/teams/callback",
            "/api/integrations/connections/teams/consent-callback",
            "/api/integrations/connections/gmail/callback"};

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, RateLimiter<?> rateLimiter) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // SecurityHeadersFilter sets the headers on every response, the services' included.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers("/api/*/v3/api-docs/**", ApiDocsIndex.PATH).permitAll()
                        // The integration service authorises an OAuth return by its single-use state.
                        .pathMatchers(HttpMethod.GET, OAUTH_CALLBACKS).permitAll()
                        // Authenticated by Slack's signature in SlackInteractionsFilter, before this chain.
                        .pathMatchers(SlackInteractionsFilter.ENDPOINT, SlackInteractionsFilter.ENDPOINT + "/").permitAll()
                        // Service-to-service APIs are not part of the public API.
                        .pathMatchers("/api/*/internal/**").denyAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required.")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required."))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "This path is not part of the API.")))
                // After authentication, so a budget is keyed by a validated practice claim.
                .addFilterAfter(new RateLimitFilter(rateLimiter), SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /**
     * Validates signature, expiry and issuer: keys from the issuer's JWKS, or from a PEM public key
     * ({@code switchboard.security.jwt.public-key}) for tests and offline setups.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
                                  @Value("${switchboard.security.jwt.public-key:}") String publicKeyPem) throws Exception {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(publicKeyPem)
                ? NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey(publicKeyPem)).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        decoder.setJwtValidator(StringUtils.hasText(jwt.getIssuerUri())
                ? JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri())
                : JwtValidators.createDefault());
        return decoder;
    }

    static RSAPublicKey rsaPublicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
