package io.switchboard.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP proxy between the notifier's Slack client and the sandbox that injects provider faults
 * (the sandbox has no fault switch of its own, and this module may not change it). Only
 * {@code chat.postMessage} is affected; every other call passes through.
 */
public final class FaultProxy implements AutoCloseable {

    /** What happens to a {@code chat.postMessage} call. */
    public enum Mode {
        /** Forwarded, answered as the sandbox answered. */
        PASS,
        /** A share of calls answered 500 without reaching the sandbox. */
        ERROR_500,
        /** A share of calls forwarded (the sandbox posts the message), then held past the client's timeout. */
        TIMEOUT_AFTER_POST,
        /** A share of connections closed without an answer, before the call reaches the sandbox. */
        RESET,
        /** Every call answered 429 with {@code Retry-After: 1}, without reaching the sandbox. */
        STORM_429
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "upgrade", "expect");

    private final String target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Mode mode = Mode.PASS;
    private volatile double share = 1.0;
    private volatile Duration hold = Duration.ofSeconds(15);
    private final AtomicInteger injected = new AtomicInteger();
    private final Set<String> heldEntries = java.util.concurrent.ConcurrentHashMap.newKeySet();

    FaultProxy(String target) {
        this.target = target.replaceAll("/+$", "");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Injects {@code mode} into {@code share} (0..1) of the calls from now on. */
    public void inject(Mode mode, double share) {
        this.share = share;
        this.mode = mode;
    }

    public void holdFor(Duration hold) {
        this.hold = hold;
    }

    public void heal() {
        mode = Mode.PASS;
    }

    /** How many calls a fault was injected into. */
    public int injected() {
        return injected.get();
    }

    public void resetCount() {
        injected.set(0);
        heldEntries.clear();
    }

    /** Entries whose post reached the sandbox but whose answer was held past the client's timeout. */
    public Set<String> heldEntries() {
        return Set.copyOf(heldEntries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = mode;
            boolean postMessage = exchange.getRequestURI().getPath().endsWith("/chat.postMessage");
            boolean hit = postMessage && now != Mode.PASS && ThreadLocalRandom.current().nextDouble() < share;
            if (hit) {
                injected.incrementAndGet();
                switch (now) {
                    case ERROR_500 -> {
                        respond(exchange, 500, "text/plain", "Internal Server Error".getBytes());
                        return;
                    }
                    case STORM_429 -> {
                        exchange.getResponseHeaders().set("Retry-After", "1");
                        respond(exchange, 429, "application/json",
                                "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes());
                        return;
                    }
                    case RESET -> {
                        // No answer at all: the connection is closed under the client.
                        return;
                    }
                    default -> {
                        // TIMEOUT_AFTER_POST: forwarded below, then held.
                    }
                }
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (hit && now == Mode.TIMEOUT_AFTER_POST) {
                String entry = Receipts.entryOf(java.net.URLDecoder.decode(new String(body,
                        java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8));
                if (entry != null) {
                    heldEntries.add(entry);
                }
                ServiceJvm.sleep(hold.toMillis());
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException e) {
            // The client went away (its timeout): nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
