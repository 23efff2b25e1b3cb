package io.switchboard.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Lets the configured front-end origins call the API from a browser and no other origin: answers
 * preflights itself (they carry no token) and refuses a cross-origin request from elsewhere with a
 * 403 problem before it reaches a service. Bearer tokens, not cookies: credentials are not allowed.
 */
public class FrontEndCorsFilter implements WebFilter, Ordered {

    public static final int ORDER = RequestSizeLimitFilter.ORDER + 2;
    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    public FrontEndCorsFilter(List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match", "Idempotency-Key",
                CorrelationIdFilter.HEADER));
        cors.setExposedHeaders(List.of(CorrelationIdFilter.HEADER, "Retry-After", "Location", "ETag"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        this.configuration = cors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "This origin may not call the API.");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
