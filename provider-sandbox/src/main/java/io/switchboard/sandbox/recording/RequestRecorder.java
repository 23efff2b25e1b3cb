package io.switchboard.sandbox.recording;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.switchboard.sandbox.Resettable;

/** The last N provider calls, oldest first; safe to write from every request thread at once. */
@Component
public class RequestRecorder implements Resettable {

    private final int capacity;
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private long lastId;

    public RequestRecorder(RecordingProperties properties) {
        if (properties.capacity() <= 0) {
            throw new IllegalArgumentException("sandbox.recording.capacity must be positive, was " + properties.capacity());
        }
        this.capacity = properties.capacity();
    }

    /** Keeps the request under the next id, dropping the oldest one when full. */
    public synchronized RecordedRequest record(RecordedRequest request) {
        RecordedRequest numbered = request.withId(++lastId);
        if (requests.size() == capacity) {
            requests.removeFirst();
        }
        requests.addLast(numbered);
        return numbered;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The requests to {@code provider} whose path matches {@code pathPattern} (a Spring path pattern such as
     * {@code /api/chat.*}); a null argument matches everything.
     */
    public List<RecordedRequest> requests(String provider, String pathPattern) {
        Predicate<RecordedRequest> ofProvider = request -> provider == null || provider.equals(request.provider());
        Predicate<RecordedRequest> onPath = request -> true;
        if (pathPattern != null) {
            PathPattern pattern = PathPatternParser.defaultInstance.parse(pathPattern);
            onPath = request -> pattern.matches(PathContainer.parsePath(request.path()));
        }
        return requests().stream().filter(ofProvider.and(onPath)).toList();
    }

    @Override
    public synchronized void reset() {
        requests.clear();
    }
}
