package io.switchboard.integration.oauth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The providers' OAuth redirects come back in the user's browser without our bearer token. They are
 * authorised by their {@code state} instead: 256 random bits, bound to the practice and user that started
 * the flow, single-use and expiring after 10 minutes (see {@link OAuthStates}). Only these paths are public.
 */
@Configuration(proxyBeanMethods = false)
public class OAuthCallbackSecurity {

    public static final String SLACK_CALLBACK = "/connections/slack/callback";
    public static final String TEAMS_CONSENT_CALLBACK = "/connections/teams/consent-callback";
    public static final String TEAMS_CALLBACK = "/connections/teams/callback";
    public static final String GMAIL_CALLBACK = "/connections/gmail/callback";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain oauthCallbacks(HttpSecurity http) throws Exception {
        return http.securityMatcher(SLACK_CALLBACK, TEAMS_CONSENT_CALLBACK, TEAMS_CALLBACK, GMAIL_CALLBACK)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .build();
    }
}
