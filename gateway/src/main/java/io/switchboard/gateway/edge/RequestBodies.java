package io.switchboard.gateway.edge;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a request body into memory, never more than a limit, and hands the same bytes on. */
public final class RequestBodies {

    private static final byte[] EMPTY = new byte[0];

    private RequestBodies() {
    }

    /** The whole body (empty when there is none); fails with a 413 {@link GatewayProblem} past the limit. */
    public static Mono<byte[]> read(ServerHttpRequest request, int maxBytes) {
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(EMPTY)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes));
    }

    public static GatewayProblem tooLarge(long maxBytes) {
        return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
    }

    /** The exchange with this body and a Content-Length that declares it (no chunked framing). */
    public static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            if (body.length > 0 || headers.getContentLength() >= 0) {
                headers.setContentLength(body.length);
            }
        }).build();
        ServerHttpRequest decorated = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty()
                        : Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(decorated).build();
    }
}
