package io.switchboard.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.switchboard.gateway.edge.Problems;
import io.switchboard.gateway.slack.SlackInteractionsFilter;
import reactor.core.publisher.Mono;

/**
 * Charges each request to a budget and answers 429 problem+json with {@code Retry-After} when the
 * budget is spent. Runs inside the security chain right after authentication, so the practice comes
 * from a validated token and cannot be forged to spend another practice's budget:
 * <ul>
 * <li>a practice user's request → policy {@value #PRACTICE}, keyed by the token's {@code practice_id};</li>
 * <li>a request without a token (OAuth returns, API docs) → policy {@value #ANONYMOUS}, keyed by client IP;</li>
 * <li>Slack interactivity (already signature-verified) → policy {@value #SLACK}, one shared key: Slack
 * calls from many addresses, and a user's click must not fail because of an unrelated IP's budget.</li>
 * </ul>
 * Probes under {@code /actuator} are not charged.
 */
public class RateLimitFilter implements WebFilter {

    public static final String PRACTICE = "practice";
    public static final String ANONYMOUS = "anonymous";
    public static final String SLACK = "slack";
    static final String PRACTICE_CLAIM = "practice_id";

    private final RateLimiter<?> limiter;

    public RateLimitFilter(RateLimiter<?> limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return budgetOf(exchange)
                .flatMap(budget -> limiter.isAllowed(budget.policy(), budget.key()))
                .flatMap(response -> {
                    if (response.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    String retryAfter = response.getHeaders().getOrDefault(TokenBucketRateLimiter.RETRY_AFTER, "1");
                    exchange.getResponse().getHeaders().set(TokenBucketRateLimiter.RETRY_AFTER, retryAfter);
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests. Try again in " + retryAfter + " seconds.");
                });
    }

    private Mono<Budget> budgetOf(ServerWebExchange exchange) {
        if (SlackInteractionsFilter.PATH.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return Mono.just(new Budget(SLACK, SLACK));
        }
        // The authentication filter hands the context down the chain in the Reactor context.
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(RateLimitFilter::budgetOf)
                .defaultIfEmpty(new Budget(ANONYMOUS, "ip:" + clientAddress(exchange)));
    }

    private static Budget budgetOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String practice = jwt.getToken().getClaimAsString(PRACTICE_CLAIM);
            if (practice != null) {
                return new Budget(PRACTICE, "practice:" + practice);
            }
        }
        return new Budget(PRACTICE, "subject:" + authentication.getName());
    }

    /** The peer's address; behind a trusted proxy set server.forward-headers-strategy so it is the client's. */
    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private record Budget(String policy, String key) {
    }
}
