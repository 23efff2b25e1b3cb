package io.switchboard.gateway.edge;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Answers every error the gateway meets — no route, a service that is down or slow, a refused request —
 * as problem+json with the correlation id and a detail written here, never the exception's message:
 * those carry host names, ports and class names. Runs before Boot's default handler (order -1).
 */
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);
    /** The log field the services' MDC uses, so one search finds a request's lines on both sides. */
    static final String CORRELATION_ID = "correlationId";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatus status = statusOf(error);
        String detail = error instanceof GatewayProblem problem ? problem.detail() : detailFor(status);
        String path = exchange.getRequest().getPath().value();
        String correlationId = CorrelationIdFilter.correlationId(exchange);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.atError().addKeyValue(CORRELATION_ID, correlationId).setCause(error)
                    .log("unexpected error at {}", path);
        } else if (status.is5xxServerError()) {
            log.atWarn().addKeyValue(CORRELATION_ID, correlationId)
                    .log("{} at {}: {}", status.value(), path, error.toString());
        }
        if (error instanceof ResponseStatusException statusException) {
            exchange.getResponse().getHeaders().putAll(statusException.getHeaders());
        }
        return Problems.write(exchange, status, detail);
    }

    static HttpStatus statusOf(Throwable error) {
        if (error instanceof GatewayProblem problem) {
            return problem.status();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof PrematureCloseException
                    || cause instanceof ClosedChannelException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException
                    || cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
        }
        if (error instanceof ResponseStatusException statusException) {
            HttpStatus status = HttpStatus.resolve(statusException.getStatusCode().value());
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static String detailFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No API answers at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed at this path.";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            case BAD_GATEWAY, SERVICE_UNAVAILABLE -> "The service behind this path is unavailable. Try again shortly.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time. Try again shortly.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side. Quote the correlation id if you contact support.";
            default -> status.is4xxClientError() ? "The request cannot be processed." : "The request could not be completed.";
        };
    }
}
