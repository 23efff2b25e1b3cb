package io.switchboard.integration.teams.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Microsoft's redirects come back in the user's browser without our bearer token; they are authorised by
 * their single-use {@code state} instead (see {@code OAuthStates}).
 */
@Configuration(proxyBeanMethods = false)
class TeamsCallbackSecurity {

    static final String CONSENT_CALLBACK = "/connections/teams/consent-callback";
    static final String USER_CALLBACK = "/connections/teams/callback";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain teamsOAuthCallbacks(HttpSecurity http) throws Exception {
        return http.securityMatcher(CONSENT_CALLBACK, USER_CALLBACK)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .build();
    }
}
