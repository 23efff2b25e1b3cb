package io.switchboard.notifier.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * A real HTTP client reading a Server-Sent Events stream as a browser's EventSource does: it keeps the connection
 * open, parses {@code event:}/{@code id:}/{@code data:} lines into events and lets a test wait for one.
 */
public final class SseStream implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile int status;
    private volatile String contentType;
    private String name;
    private String id;
    private final StringBuilder data = new StringBuilder();

    private SseStream() {
    }

    public static SseStream open(int port, String path, String token) {
        SseStream stream = new SseStream();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build();
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().sendAsync(request, info -> {
            stream.status = info.statusCode();
            stream.contentType = info.headers().firstValue("Content-Type").orElse("");
            return HttpResponse.BodySubscribers.fromLineSubscriber(stream.new Lines());
        });
        return stream;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    public Event await(Predicate<Event> matching) {
        return Awaitility.await("a matching stream event").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> events.stream().filter(matching).findFirst().orElse(null), e -> e != null);
    }

    public static Predicate<Event> named(String name) {
        return e -> name.equals(e.name());
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private synchronized void line(String line) {
        if (line.isEmpty()) {
            if (name != null || !data.isEmpty()) {
                events.add(new Event(name == null ? "message" : name, id, data.toString()));
            }
            name = null;
            id = null;
            data.setLength(0);
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
        } else {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                default -> { }
            }
        }
    }

    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String item) {
            line(item);
        }

        @Override
        public void onError(Throwable throwable) {
            // closed by the test or by the server
        }

        @Override
        public void onComplete() {
        }
    }
}
