package io.switchboard.sandbox.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RequestRecorderTest {

    @Test
    void keepsOnlyTheMostRecentRequestsOldestFirst() {
        RequestRecorder recorder = new RequestRecorder(new RecordingProperties(3, 1000, List.of()));

        for (int i = 1; i <= 5; i++) {
            recorder.record(request("slack", "/api/call" + i));
        }

        assertThat(recorder.requests()).extracting(RecordedRequest::path).containsExactly("/api/call3", "/api/call4", "/api/call5");
        assertThat(recorder.requests()).extracting(RecordedRequest::id).containsExactly(3L, 4L, 5L);
    }

    @Test
    void recordsFromManyThreadsWithoutLosingOrDuplicatingIds() {
        RequestRecorder recorder = new RequestRecorder(new RecordingProperties(10_000, 1000, List.of()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(IntStream.range(0, 4000)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> recorder.record(request("graph", "/v1.0/me")), threads))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }

        assertThat(recorder.requests()).hasSize(4000);
        assertThat(recorder.requests()).extracting(RecordedRequest::id).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void filtersByProviderAndPathPattern() {
        RequestRecorder recorder = new RequestRecorder(new RecordingProperties(10, 1000, List.of()));
        recorder.record(request("slack", "/api/chat.postMessage"));
        recorder.record(request("slack", "/api/auth.test"));
        recorder.record(request("graph", "/v1.0/teams/T1/channels/C1/messages"));

        assertThat(recorder.requests("slack", "/api/chat.*")).extracting(RecordedRequest::path)
                .containsExactly("/api/chat.postMessage");
        assertThat(recorder.requests(null, "/v1.0/teams/{team}/channels/{channel}/messages")).hasSize(1);
        assertThat(recorder.requests("slack", null)).hasSize(2);
    }

    private static RecordedRequest request(String provider, String path) {
        return new RecordedRequest(0, provider, "POST", path, Map.of(), Map.of(), null, null, Map.of(), Instant.now(), 200);
    }
}
