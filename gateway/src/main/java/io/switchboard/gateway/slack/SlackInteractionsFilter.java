package io.switchboard.gateway.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.switchboard.gateway.edge.CorrelationIdFilter;
import io.switchboard.gateway.edge.GatewayProblem;
import io.switchboard.gateway.edge.Problems;
import io.switchboard.gateway.edge.RequestBodies;
import io.switchboard.gateway.edge.RequestSizeLimitFilter;
import io.switchboard.slack.signing.SeenSignatures;
import io.switchboard.slack.signing.SlackSignatureVerifier;
import reactor.core.publisher.Mono;

/**
 * Guards Slack's interactivity endpoint before anything else looks at the request: reads the raw body
 * (bounded), verifies Slack's signature and refuses replays; a request that fails never reaches the
 * integration service and gets a 401 problem that says nothing about why. A verified request goes on
 * with the very same bytes and Slack headers (the service verifies again).
 *
 * <p>Slack gives up after three seconds. The route times out at about 2.5 s; if the service has not
 * answered by then the request has reached it and is being handled, so Slack gets an empty 200 (the
 * acknowledgement it asks for) instead of an error the user would see for an action that will still
 * happen. A service that cannot be reached at all is an error Slack should show: that stays a 503.
 */
public class SlackInteractionsFilter implements WebFilter, Ordered {

    /** The endpoint Slack calls; anonymous callers may reach only this (and its trailing-slash twin). */
    public static final String ENDPOINT = "/api/integrations/slack/interactions";
    /**
     * What is verified: the endpoint and everything under it, matched as the routes and the security
     * rules match paths (matrix variables ignored), so no spelling of the path slips past the check.
     */
    public static final PathPattern PATH = PathPatternParser.defaultInstance.parse(ENDPOINT + "/**");
    public static final int ORDER = RequestSizeLimitFilter.ORDER + 1;
    private static final Logger log = LoggerFactory.getLogger(SlackInteractionsFilter.class);
    private static final String CORRELATION_ID = "correlationId";
    static final String REFUSED = "The request is not a valid, fresh Slack request.";

    private final SlackSignatureVerifier verifier;
    private final SeenSignatures seen;
    private final int maxBytes;

    /** @param verifier null when no signing secret is configured: every request is then refused */
    public SlackInteractionsFilter(SlackSignatureVerifier verifier, SeenSignatures seen, int maxBytes) {
        this.verifier = verifier;
        this.seen = seen;
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!PATH.matches(request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        String timestamp = headers.getFirst(SlackSignatureVerifier.TIMESTAMP_HEADER);
        String signature = headers.getFirst(SlackSignatureVerifier.SIGNATURE_HEADER);
        return RequestBodies.read(request, maxBytes).flatMap(body -> {
            if (verifier == null) {
                log.atWarn().addKeyValue(CORRELATION_ID, CorrelationIdFilter.correlationId(exchange))
                        .log("Slack request refused: no signing secret is configured");
                return refuse(exchange);
            }
            SlackSignatureVerifier.Outcome outcome = verifier.verify(timestamp, signature, body);
            if (!outcome.isValid()) {
                log.atInfo().addKeyValue(CORRELATION_ID, CorrelationIdFilter.correlationId(exchange))
                        .log("Slack request refused: {}", outcome);
                return refuse(exchange);
            }
            if (!seen.firstSighting(signature)) {
                log.atInfo().addKeyValue(CORRELATION_ID, CorrelationIdFilter.correlationId(exchange))
                        .log("Slack request refused: replayed");
                return refuse(exchange);
            }
            return chain.filter(RequestBodies.withBody(exchange, body))
                    .onErrorResume(SlackInteractionsFilter::isTimeout, timeout -> acknowledge(exchange));
        });
    }

    private static Mono<Void> refuse(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, REFUSED);
    }

    private static boolean isTimeout(Throwable error) {
        return !(error instanceof GatewayProblem) && error instanceof ResponseStatusException status
                && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }

    private static Mono<Void> acknowledge(ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        log.atWarn().addKeyValue(CORRELATION_ID, CorrelationIdFilter.correlationId(exchange))
                .log("integration service did not answer Slack within the ack timeout; acknowledged it");
        exchange.getResponse().getHeaders().clear();
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        exchange.getResponse().getHeaders().setContentLength(0);
        return exchange.getResponse().setComplete();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
