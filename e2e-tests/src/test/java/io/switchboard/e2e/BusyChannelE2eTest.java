package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.client;
import static io.switchboard.e2e.Practices.connectedPractice;
import static io.switchboard.e2e.Practices.finalDeliveries;
import static io.switchboard.e2e.Practices.phoneMessageForSam;
import static io.switchboard.e2e.Practices.setDefault;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.slack.SlackMessage;
import tools.jackson.databind.JsonNode;

/**
 * A busy practice does not hold up a quiet one (FEATURES.md N7, N8): 300 entries shared to one channel
 * under Slack's per-channel limit (time-scaled, see {@link Stack#SLACK_CHANNEL_RATE}) all arrive, each
 * once, while another practice's single message goes through without waiting for the queue.
 */
class BusyChannelE2eTest {

    static final int ENTRIES = 300;
    static final String PER_CHANNEL = "post-message-per-channel";
    static final String PER_WORKSPACE = "post-message-per-workspace";
    static final Pattern ENTRY_LINK = Pattern.compile(Pattern.quote(Stack.PUBLIC_URL) + "/register/entries/([0-9a-f-]{36})");

    @Test
    void threeHundredEntriesToOneChannelAllArriveOnceAndAnotherPracticesMessageIsNotQueuedBehindThem() throws Exception {
        ProviderSandbox sandbox = Stack.get().sandbox;
        RateLimit channelLimit = sandbox.limits().limit("slack", PER_CHANNEL);
        RateLimit workspaceLimit = sandbox.limits().limit("slack", PER_WORKSPACE);
        sandbox.limits().override("slack", PER_CHANNEL, RateLimit.perSecond(Stack.SLACK_CHANNEL_RATE, Stack.SLACK_CHANNEL_BURST));
        sandbox.limits().override("slack", PER_WORKSPACE, RateLimit.perSecond(Stack.SLACK_WORKSPACE_RATE, Stack.SLACK_WORKSPACE_BURST));
        try {
            ConnectedPractice busy = connectedPractice();
            ConnectedPractice quiet = connectedPractice();
            for (ConnectedPractice practice : List.of(busy, quiet)) {
                setDefault(practice, Map.of("deliveryMode", "CHAT_ONLY", "defaultProvider", "SLACK",
                        "channelId", practice.frontDesk()));
            }
            String busyClient = client(busy);

            // Staff at four desks logging at once: faster than the channel's limit, so a queue builds.
            Instant start = Instant.now();
            List<String> entryIds;
            ExecutorService desks = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> logged = new ArrayList<>();
                for (int i = 0; i < ENTRIES; i++) {
                    String body = "busy message " + i;
                    logged.add(desks.submit(() -> phoneMessageForSam(busy, busyClient, body, List.of())));
                }
                entryIds = new ArrayList<>();
                for (Future<String> entry : logged) {
                    entryIds.add(entry.get());
                }
            } finally {
                desks.shutdownNow();
            }
            Instant accepted = Instant.now();
            String quietEntry = phoneMessageForSam(quiet, List.of());
            Instant quietCreated = Instant.now();
            Awaitility.await("the quiet practice's message").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> sandbox.slack().messages(quiet.teamId(), quiet.frontDesk()).size() == 1);
            Duration quietLatency = Duration.between(quietCreated, Instant.now());
            int busyDeliveredMeanwhile = sandbox.slack().messages(busy.teamId(), busy.frontDesk()).size();

            Awaitility.await("all busy messages").atMost(Duration.ofSeconds(180))
                    .until(() -> sandbox.slack().messages(busy.teamId(), busy.frontDesk()).size() >= ENTRIES);
            Duration drain = Duration.between(start, Instant.now());
            System.out.printf("[measure] %d entries accepted over HTTP in %d ms, all in the channel after %d ms"
                            + " (paced at %d/s); the other practice's message arrived %d ms after its 201,"
                            + " when the busy channel had %d/%d%n", ENTRIES, Duration.between(start, accepted).toMillis(),
                    drain.toMillis(), Stack.SLACK_CHANNEL_RATE, quietLatency.toMillis(), busyDeliveredMeanwhile, ENTRIES);

            // The quiet practice did not wait for the busy queue to drain.
            assertThat(busyDeliveredMeanwhile).isLessThan(ENTRIES);
            // Every entry exactly once: each message's Record Summary button names its entry.
            List<SlackMessage> posted = sandbox.slack().messages(busy.teamId(), busy.frontDesk());
            assertThat(posted).hasSize(ENTRIES);
            List<String> linkedEntries = posted.stream().map(BusyChannelE2eTest::linkedEntry).toList();
            assertThat(linkedEntries).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(entryIds);
            // The register knows: each entry shows its Slack delivery with the provider's message id.
            Set<String> timestamps = posted.stream().map(SlackMessage::ts).collect(Collectors.toSet());
            for (String entryId : List.of(entryIds.get(0), entryIds.get(ENTRIES / 2), entryIds.get(ENTRIES - 1))) {
                JsonNode delivery = finalDeliveries(busy, entryId, 1).get(0);
                assertThat(delivery.get("outcome").asText()).isEqualTo("DELIVERED");
                assertThat(timestamps).contains(delivery.get("providerMessageId").asText());
            }
            assertThat(finalDeliveries(quiet, quietEntry, 1).get(0).get("outcome").asText()).isEqualTo("DELIVERED");
        } finally {
            sandbox.limits().override("slack", PER_CHANNEL, channelLimit);
            sandbox.limits().override("slack", PER_WORKSPACE, workspaceLimit);
        }
    }

    private static String linkedEntry(SlackMessage message) {
        Matcher link = ENTRY_LINK.matcher(message.blocks().toString());
        assertThat(link.find()).as("a Record Summary link in %s", message.blocks()).isTrue();
        return link.group(1);
    }
}
