package io.switchboard.gateway;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.switchboard.gateway.apidocs.ApiDocsIndex;
import io.switchboard.gateway.edge.CorrelationIdFilter;
import io.switchboard.gateway.edge.FrontEndCorsFilter;
import io.switchboard.gateway.edge.GatewayErrorHandler;
import io.switchboard.gateway.edge.GatewayProperties;
import io.switchboard.gateway.edge.RequestSizeLimitFilter;
import io.switchboard.gateway.edge.SecurityHeadersFilter;
import io.switchboard.gateway.ratelimit.TokenBucketRateLimiter;
import io.switchboard.gateway.slack.SlackInteractionsFilter;
import io.switchboard.gateway.slack.SlackProperties;
import io.switchboard.slack.signing.SeenSignatures;
import io.switchboard.slack.signing.SlackSignatureVerifier;

/**
 * The edge duties around the routes, in the order a request meets them: correlation id, security
 * headers, body size limit, Slack signature, CORS, then (inside the security chain, see
 * {@link GatewayApplication}) authentication and the rate limit; errors end as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, SlackProperties.class})
class EdgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(GatewayProperties properties) {
        return new RequestSizeLimitFilter(Math.toIntExact(properties.maxRequestSize().toBytes()));
    }

    @Bean
    SlackInteractionsFilter slackInteractionsFilter(SlackProperties slack, GatewayProperties properties, Clock clock) {
        SlackSignatureVerifier verifier = null;
        if (StringUtils.hasText(slack.signingSecret())) {
            verifier = new SlackSignatureVerifier(slack.signingSecret(), clock);
        } else {
            log.warn("switchboard.slack.signing-secret is not set: Slack interactivity requests will be refused");
        }
        SeenSignatures seen = new SeenSignatures(clock, SlackSignatureVerifier.TOLERANCE.multipliedBy(2),
                slack.replayCacheSize());
        return new SlackInteractionsFilter(verifier, seen, Math.toIntExact(properties.maxRequestSize().toBytes()));
    }

    @Bean
    FrontEndCorsFilter frontEndCorsFilter(GatewayProperties properties) {
        return new FrontEndCorsFilter(properties.cors().allowedOrigins());
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler() {
        return new GatewayErrorHandler();
    }

    /** In this instance's memory; replace with Spring Cloud Gateway's RedisRateLimiter to share it (README). */
    @Bean
    RateLimiter<TokenBucketRateLimiter.Limit> rateLimiter(GatewayProperties properties, Clock clock) {
        return new TokenBucketRateLimiter(properties.rateLimit().limits(), clock, properties.rateLimit().maxTrackedKeys());
    }

    @Bean
    RouterFunction<ServerResponse> apiDocsIndex(GatewayProperties properties) {
        return ApiDocsIndex.routes(properties.apiDocs());
    }
}
