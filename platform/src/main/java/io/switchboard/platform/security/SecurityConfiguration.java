package io.switchboard.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.StringUtils;

import io.switchboard.platform.web.ProblemResponses;

/**
 * Every service is an OAuth2 resource server: it validates the caller's JWT itself (the gateway does
 * too — defence in depth), turns the {@code role} and {@code scope} claims into authorities, and
 * answers 401/403 as problem+json.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, InternalClientProperties.class})
public class SecurityConfiguration {

    /** Paths anyone may call: probes, metrics scraping (internal network only) and API docs. */
    static final String[] OPEN_PATHS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    /**
     * Practice staff call every API; a client's portal user ({@code CLIENT}) only paths under {@code /portal/**},
     * whatever the method-level checks say: a service that forgets a role check does not open practice data to
     * clients.
     */
    /** Where a client's portal user may call at all. */
    static final String PORTAL_PATHS = "/portal/**";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this operation.");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers("/internal/**").hasAuthority("SCOPE_internal")
                        .requestMatchers(PORTAL_PATHS).hasAnyRole(Role.CLIENT.name(), Role.PRACTICE_ADMIN.name(), Role.STAFF.name())
                        .anyRequest().hasAnyRole(Role.PRACTICE_ADMIN.name(), Role.STAFF.name()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TenantAuthenticationConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * Validates signature, expiry and issuer. Keys come from the issuer's JWKS; tests and offline
     * setups may give a PEM public key instead ({@code switchboard.security.jwt.public-key}).
     */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
                          @Value("${switchboard.security.jwt.public-key:}") String publicKeyPem) throws Exception {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        NimbusJwtDecoder decoder = StringUtils.hasText(publicKeyPem)
                ? NimbusJwtDecoder.withPublicKey(rsaPublicKey(publicKeyPem)).build()
                : NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(StringUtils.hasText(jwt.getIssuerUri())
                ? JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri())
                : JwtValidators.createDefault());
        validators.add(new JwtClaimValidator<String>("sub", StringUtils::hasText));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    InternalTokens internalTokens(org.springframework.web.client.RestClient.Builder http,
                                  InternalClientProperties properties) {
        return new InternalTokens(http, properties, java.time.Clock.systemUTC());
    }

    @Bean
    TenantJdbc tenantJdbc(JdbcClient jdbc) {
        return new TenantJdbc(jdbc);
    }

    static RSAPublicKey rsaPublicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Authorities from the token: {@code ROLE_<role>} for practice users, {@code SCOPE_<scope>} for services. */
    static final class TenantAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {
        private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            Tenant tenant = Tenant.fromJwt(jwt);
            if (tenant != null) {
                authorities.add(new SimpleGrantedAuthority(tenant.role().authority()));
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
