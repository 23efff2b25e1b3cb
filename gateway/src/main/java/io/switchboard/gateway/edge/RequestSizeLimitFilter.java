package io.switchboard.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit the services also enforce (1 MB) with 413, before they reach
 * a service: at once when the declared Content-Length is too large; a body without a declared length
 * (chunked) is read into memory up to the limit and then forwarded with its length, so an oversized
 * one is refused whole instead of being cut off half-way into a service.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = SecurityHeadersFilter.ORDER + 1;
    private final int maxBytes;

    public RequestSizeLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes.");
        }
        if (declared >= 0 || !mayCarryUndeclaredBody(request)) {
            return chain.filter(exchange);
        }
        return RequestBodies.read(request, maxBytes)
                .flatMap(body -> chain.filter(RequestBodies.withBody(exchange, body)));
    }

    private static boolean mayCarryUndeclaredBody(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
                || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
