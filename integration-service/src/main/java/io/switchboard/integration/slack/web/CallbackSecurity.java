package io.switchboard.integration.slack.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OAuth callback is reached by the admin's browser coming back from Slack, without our bearer token.
 * It is authorised by its {@code state} instead: 256 random bits, bound to the admin and practice that
 * started the install, single-use and expiring after 10 minutes (see {@code SlackConnections.callback}).
 */
@Configuration(proxyBeanMethods = false)
class CallbackSecurity {

    static final String CALLBACK = "/connections/slack/callback";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain slackOAuthCallback(HttpSecurity http) throws Exception {
        return http.securityMatcher(CALLBACK)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .build();
    }
}
