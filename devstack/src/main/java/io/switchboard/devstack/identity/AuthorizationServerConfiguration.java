package io.switchboard.devstack.identity;

import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The authorization server's endpoints, clients, users, signing key and the claims a user's tokens carry.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String WEB_CLIENT = "switchboard-web";
    static final String INTERNAL_CLIENT = "switchboard-internal";
    static final String INTERNAL_SCOPE = "internal";

    /** The OAuth2/OIDC endpoints; a browser that is not logged in is sent to the login form. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
                    http.securityMatcher(authorizationServer.getEndpointsMatcher());
                    authorizationServer
                            .oidc(Customizer.withDefaults())
                            .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(redirectUriPatterns()));
                })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Everything else is the login form. */
    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    DemoUsers demoUsers() {
        return DemoUsers.load();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The demo users log in with their email and the shared demo password. */
    @Bean
    UserDetailsService demoUserLogins(DemoUsers users, IdentityProperties properties, PasswordEncoder encoder) {
        String password = encoder.encode(properties.demoPassword());
        return new InMemoryUserDetailsManager(users.all().stream()
                .map(user -> User.withUsername(user.email()).password(password).roles(user.role().name()).build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(IdentityProperties properties, PasswordEncoder encoder) {
        RegisteredClient web = RegisteredClient.withId(WEB_CLIENT)
                .clientId(WEB_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.webRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.userTokenTtl()).build())
                .build();
        RegisteredClient internal = RegisteredClient.withId(INTERNAL_CLIENT)
                .clientId(INTERNAL_CLIENT)
                .clientSecret(encoder.encode(properties.internalClientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(INTERNAL_SCOPE)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.serviceTokenTtl()).build())
                .build();
        return new InMemoryRegisteredClientRepository(web, internal);
    }

    /** The persisted key, so tokens issued before a restart still verify against the JWKS after it. */
    @Bean
    JWKSource<SecurityContext> signingKey(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.loadOrCreate(properties.keyFile())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /**
     * A logged-in user's access and ID tokens say who they are in Switchboard's terms: their user id as
     * {@code sub} (not the login name), their practice and role. Service tokens are left as they are.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaims(DemoUsers users) {
        return context -> {
            boolean userToken = AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
                    || AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType());
            boolean accessOrIdToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    || OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (userToken && accessOrIdToken) {
                users.byEmail(context.getPrincipal().getName())
                        .ifPresent(user -> DemoClaims.of(user).forEach(context.getClaims()::claim));
            }
        };
    }

    /**
     * Lets {@code switchboard-web} register redirect URI patterns; Spring Authorization Server's own check
     * wants exact URIs and refuses {@code localhost}, where the dev stack's web app lives.
     */
    private static Consumer<List<AuthenticationProvider>> redirectUriPatterns() {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirectUri = context -> {
            OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
            String requested = request.getRedirectUri();
            if (!RedirectUriPatterns.matchesAny(context.getRegisteredClient().getRedirectUris(), requested)) {
                // No authentication in the exception: the error is shown, not sent to an unchecked URI.
                OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "redirect_uri is not registered for this client", null);
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
            }
        };
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator =
                redirectUri.andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR);
        return providers -> providers.stream()
                .filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
                .map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
                .forEach(provider -> provider.setAuthenticationValidator(validator));
    }
}
