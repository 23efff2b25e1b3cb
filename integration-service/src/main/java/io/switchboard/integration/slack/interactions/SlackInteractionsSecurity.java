package io.switchboard.integration.slack.interactions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Slack calls its interactivity endpoint itself, without our bearer token. It is authorised by Slack's
 * signature instead, checked by the endpoint on the raw bytes ({@link SlackRequestVerifier}) — the gateway
 * checked it already; this is the second check it promises. Only this path is public.
 */
@Configuration(proxyBeanMethods = false)
class SlackInteractionsSecurity {

    static final String ENDPOINT = "/slack/interactions";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain slackInteractionsFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(ENDPOINT)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .build();
    }
}
