package io.switchboard.notifier.inapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.contracts.register.CorrespondenceShared;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.support.InAppCommandMother;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.notifier.support.SseStream;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

class InboxIntegrationTest extends NotifierIntegrationTestBase {

    @Autowired
    TransactionTemplate tx;

    private final UUID practice = UUID.randomUUID();
    private final UUID sam = UUID.randomUUID();

    @Test
    void aCommandMakesOneItemEvenWhenDeliveredTwiceAndIsReportedDeliveredWithTheItemId() {
        InAppNotificationRequested command = InAppCommandMother.noticeFor(practice, sam).build();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.inapp.v1", command);
            send("notify.inapp.v1", command);
            InAppNotificationRequested marker = InAppCommandMother.noticeFor(practice, sam).title("marker").build();
            send("notify.inapp.v1", marker);
            awaitItem(sam, marker.notificationId());
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe).size() == 2);

            JsonNode inbox = api().get("/inbox", token(sam)).json();
            assertThat(inbox.get("total").asLong()).isEqualTo(2);
            assertThat(inbox.get("items").valueStream().map(i -> i.get("id").asText()).toList())
                    .containsExactlyInAnyOrder(command.notificationId().toString(), marker.notificationId().toString());
            DeliveryReported report = delivered(probe).stream()
                    .filter(r -> r.notificationId().equals(command.notificationId())).findFirst().orElseThrow();
            assertThat(report.channel()).isEqualTo(NotificationChannel.IN_APP);
            assertThat(report.providerMessageId()).isEqualTo(command.notificationId().toString());
            assertThat(report.attempts()).isEqualTo(1);
            assertThat(report.target()).isEqualTo("inbox:" + sam);
            assertThat(report.completedAt()).isNotNull();
        }
        assertThat(jdbc.sql("select status from delivery where notification_id = :id")
                .param("id", command.notificationId()).query(String.class).single()).isEqualTo("DELIVERED");
    }

    @Test
    void listsTheCallersItemsNewestFirstPagedWithTotalAndUnreadCounts() {
        for (String title : List.of("first", "second", "third")) {
            awaitItem(sam, deliver(InAppCommandMother.noticeFor(practice, sam).title(title).build()));
        }

        JsonNode first = api().get("/inbox?page=0&size=2", token(sam)).json();
        assertThat(first.get("items").valueStream().map(i -> i.get("title").asText()).toList())
                .containsExactly("third", "second");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("unread").asLong()).isEqualTo(3);
        assertThat(first.get("items").get(0).get("read").asBoolean()).isFalse();
        assertThat(first.get("items").get(0).get("linkUrl").asText()).endsWith("/profile");
        assertThat(first.get("items").get(0).get("fields").get(0).get("label").asText()).isEqualTo("Provider");
        JsonNode second = api().get("/inbox?page=1&size=2", token(sam)).json();
        assertThat(second.get("items").valueStream().map(i -> i.get("title").asText()).toList()).containsExactly("first");
        assertThat(api().get("/inbox/unread-count", token(sam)).json().get("unread").asLong()).isEqualTo(3);
        assertThat(api().get("/inbox?size=1000", token(sam)).status()).isEqualTo(400);
    }

    @Test
    void marksOneItemReadThenAllReadAndBothAreIdempotent() {
        UUID one = awaitItem(sam, deliver(InAppCommandMother.noticeFor(practice, sam).build()));
        awaitItem(sam, deliver(InAppCommandMother.noticeFor(practice, sam).build()));
        awaitItem(sam, deliver(InAppCommandMother.noticeFor(practice, sam).build()));

        Api.Response read = api().post("/inbox/" + one + "/read", token(sam), "");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("readAt").isNull()).isFalse();
        assertThat(api().post("/inbox/" + one + "/read", token(sam), "").json().get("readAt").asText())
                .isEqualTo(read.json().get("readAt").asText());
        assertThat(unread(sam)).isEqualTo(2);

        assertThat(api().post("/inbox/read-all", token(sam), "").json().get("marked").asInt()).isEqualTo(2);
        assertThat(api().post("/inbox/read-all", token(sam), "").json().get("marked").asInt()).isZero();
        assertThat(unread(sam)).isZero();
        assertThat(api().get("/inbox", token(sam)).json().get("items").valueStream()
                .allMatch(i -> i.get("read").asBoolean())).isTrue();
    }

    @Test
    void anotherUsersOrAnotherPracticesItemAnswers404LikeAMissingOne() {
        UUID item = awaitItem(sam, deliver(InAppCommandMother.noticeFor(practice, sam).build()));
        String colleague = TestTokens.user(practice, UUID.randomUUID(), Role.PRACTICE_ADMIN);
        String samElsewhere = TestTokens.user(UUID.randomUUID(), sam, Role.STAFF);

        for (String stranger : List.of(colleague, samElsewhere)) {
            Api.Response response = api().post("/inbox/" + item + "/read", stranger, "");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(api().get("/inbox", stranger).json().get("total").asLong()).isZero();
            assertThat(api().post("/inbox/read-all", stranger, "").json().get("marked").asInt()).isZero();
        }
        assertThat(api().post("/inbox/" + UUID.randomUUID() + "/read", token(sam), "").status()).isEqualTo(404);
        assertThat(unread(sam)).isEqualTo(1);
    }

    @Test
    void withoutATokenTheInboxAndItsStreamAnswer401ProblemJson() {
        for (String path : List.of("/inbox", "/inbox/unread-count", "/inbox/stream")) {
            Api.Response response = api().get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().post("/inbox/read-all", null, "").status()).isEqualTo(401);
        assertThat(api().get("/inbox", TestTokens.user(practice, sam, Role.CLIENT)).status()).isEqualTo(403);
    }

    @Test
    void anOpenStreamReceivesANewItemAndEveryUnreadCountChange() {
        try (SseStream stream = SseStream.open(port, "/inbox/stream", token(sam))) {
            SseStream.Event hello = stream.await(SseStream.named("unread"));
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(hello.data()).isEqualTo("{\"unread\":0}");

            UUID id = deliver(InAppCommandMother.noticeFor(practice, sam).title("Gmail is enabled").build());
            SseStream.Event item = stream.await(e -> "item".equals(e.name()) && id.toString().equals(e.id()));
            assertThat(item.data()).contains("Gmail is enabled").doesNotContain("practiceId");
            stream.await(e -> "unread".equals(e.name()) && e.data().equals("{\"unread\":1}"));

            api().post("/inbox/" + id + "/read", token(sam), "");
            await().atMost(Duration.ofSeconds(20)).until(() -> stream.events().stream()
                    .filter(e -> "unread".equals(e.name()) && e.data().equals("{\"unread\":0}")).count() == 2);
        }
    }

    @Test
    void aStreamGetsOnlyItsOwnUsersItems() {
        UUID colleague = UUID.randomUUID();
        try (SseStream mine = SseStream.open(port, "/inbox/stream", token(sam))) {
            mine.await(SseStream.named("unread"));
            deliver(InAppCommandMother.noticeFor(practice, colleague).build());
            UUID marker = deliver(InAppCommandMother.noticeFor(practice, sam).build());
            mine.await(e -> "item".equals(e.name()) && marker.toString().equals(e.id()));
            assertThat(mine.events().stream().filter(SseStream.named("item"))).hasSize(1);
        }
    }

    @Test
    void anItemStoredByAnotherInstanceReachesThisInstancesStreamThroughPostgresNotify() {
        try (SseStream stream = SseStream.open(port, "/inbox/stream", token(sam))) {
            stream.await(SseStream.named("unread"));
            UUID id = UUID.randomUUID();
            // What another notifier instance does: the row and the NOTIFY in one transaction of its own connection.
            tx.executeWithoutResult(status -> {
                jdbc.sql("""
                        insert into inbox_item (id, practice_id, user_id, source_kind, source_id, source_event_id, title,
                                                requested_at)
                        values (:id, :practice, :user, 'RULE', :id, 'evt-other', 'From another instance', :now)
                        """)
                        .param("id", id).param("practice", practice).param("user", sam)
                        .param("now", Timestamp.from(Instant.now())).update();
                jdbc.sql("select pg_notify('notifier_inbox', :payload)")
                        .param("payload", practice + ":" + sam + ":" + id).query(rs -> { });
            });
            SseStream.Event item = stream.await(e -> "item".equals(e.name()) && id.toString().equals(e.id()));
            assertThat(item.data()).contains("From another instance");
        }
    }

    @Test
    void aRecordedEntryForAStaffRecipientLandsInTheirInboxOnceWithADeterministicId() {
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        UUID recipient = user(practice, "recipient-" + practice + "@example.test", null);
        UUID entry = UUID.randomUUID();
        CloudEvent event = record(practice, entry, phoneMessage(author, recipient), List.of());
        UUID expected = NotificationIds.derive(event.getId(), NotificationChannel.IN_APP, "user:" + recipient);

        awaitItem(recipient, expected);
        JsonNode item = api().get("/inbox", token(recipient)).json().get("items").get(0);
        assertThat(item.get("title").asText()).isEqualTo("Phone message: Acme Pty Ltd");
        assertThat(item.get("linkUrl").asText()).endsWith("/register/entries/" + entry);
        assertThat(item.get("source").get("id").asText()).isEqualTo(entry.toString());

        // A redelivery, a later share and an entry the author logs for themselves add nothing to any inbox: their
        // email commands are queued, and no in-app command comes with them (the router emits both in one transaction).
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("register.correspondence.v1", event);
            CloudEvent shared = send("register.correspondence.v1", new CorrespondenceShared(entry, practice, author,
                    Instant.now(), List.of(ShareTarget.emailToUsers(List.of(author))), phoneMessage(author, recipient)));
            CloudEvent self = record(practice, UUID.randomUUID(), phoneMessage(recipient, recipient), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), practice).stream()
                    .filter(r -> r.outcome() == DeliveryOutcome.QUEUED)
                    .map(DeliveryReported::sourceEventId).toList().containsAll(List.of(shared.getId(), self.getId())));
            assertThat(reports(probe.events(), practice)).noneMatch(r -> r.channel() == NotificationChannel.IN_APP
                    && List.of(shared.getId(), self.getId()).contains(r.sourceEventId()));
        }
        assertThat(api().get("/inbox", token(recipient)).json().get("total").asLong()).isEqualTo(1);
        assertThat(api().get("/inbox", token(author)).json().get("total").asLong()).isZero();
    }

    private UUID deliver(InAppNotificationRequested command) {
        send("notify.inapp.v1", command);
        return command.notificationId();
    }

    private UUID awaitItem(UUID user, UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/inbox?size=100", token(user)).json().get("items")
                .valueStream().anyMatch(i -> i.get("id").asText().equals(id.toString())));
        return id;
    }

    private long unread(UUID user) {
        return api().get("/inbox/unread-count", token(user)).json().get("unread").asLong();
    }

    private String token(UUID user) {
        return TestTokens.user(practice, user, Role.STAFF);
    }

    private List<DeliveryReported> delivered(KafkaProbe probe) {
        return reports(probe.events(), practice).stream().filter(r -> r.outcome() == DeliveryOutcome.DELIVERED).toList();
    }
}
