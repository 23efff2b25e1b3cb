package io.switchboard.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Puts the edge's security headers on every response — the gateway's own and the services' alike,
 * overriding whatever a service sent, so the policy is decided in one place. Everything behind the
 * gateway is a JSON API: nothing may be framed, sniffed, cached or run as a page.
 */
public class SecurityHeadersFilter implements WebFilter, Ordered {

    public static final int ORDER = CorrelationIdFilter.ORDER + 1;
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean secure = isSecure(exchange.getRequest());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.remove(HttpHeaders.PRAGMA);
            headers.remove(HttpHeaders.EXPIRES);
            if (secure) {
                headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            } else {
                // Browsers ignore HSTS over plain HTTP (RFC 6797 §8.1); a service must not set it for us.
                headers.remove("Strict-Transport-Security");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** TLS ended here, or at a trusted proxy that said so (server.forward-headers-strategy=framework). */
    private static boolean isSecure(ServerHttpRequest request) {
        return request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
