package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.BROWSER;
import static io.switchboard.e2e.Practices.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.microsoft.MicrosoftApp;
import io.switchboard.sandbox.microsoft.MicrosoftTenantSeed;
import io.switchboard.sandbox.microsoft.TeamsMessage;
import io.switchboard.sandbox.recording.RecordedRequest;
import tools.jackson.databind.JsonNode;

/**
 * Teams end to end (FEATURES.md P3, P6, P8, N3, N5) with every service its own process behind the gateway: the
 * admin consents for the organisation, every staff user hears about it in their inbox, users connect their own
 * Microsoft accounts, and a phone message shared to Teams arrives in the channel mentioning its recipient —
 * and when a token expires, is revoked, or was never granted, the entry and the inboxes say so.
 */
class TeamsE2eTest {

    static final String CALLBACK = "http://localhost:8080/api/integrations/connections/teams/callback";
    static final String CONSENT_CALLBACK = "http://localhost:8080/api/integrations/connections/teams/consent-callback";

    static ProviderSandbox sandbox;
    static Api api;
    static UUID practice;
    static String tenantId;
    static String teamId;
    static String frontDesk;
    static Person alex;
    static Person sam;
    static Person jo;
    static Person kim;
    static String clientId;

    record Person(UUID id, String email, String name, Role role, String microsoftId) {
        String token() {
            return TestTokens.user(practice, id, role);
        }
    }

    @BeforeAll
    static void aPracticeWithAMicrosoftOrganisation() {
        sandbox = Stack.get().sandbox;
        api = gateway();
        practice = UUID.randomUUID();
        String suffix = practice.toString().substring(0, 8);
        alex = new Person(UUID.randomUUID(), "alex." + suffix + "@harbour.example", "Alex Harbour", Role.PRACTICE_ADMIN,
                UUID.randomUUID().toString());
        sam = new Person(UUID.randomUUID(), "sam." + suffix + "@harbour.example", "Sam Patel", Role.STAFF,
                UUID.randomUUID().toString());
        jo = new Person(UUID.randomUUID(), "jo." + suffix + "@harbour.example", "Jo Lee", Role.STAFF,
                UUID.randomUUID().toString());
        kim = new Person(UUID.randomUUID(), "kim." + suffix + "@harbour.example", "Kim Ng", Role.STAFF,
                UUID.randomUUID().toString());
        tenantId = UUID.randomUUID().toString();
        teamId = UUID.randomUUID().toString();
        frontDesk = "19:frontdesk" + suffix + "@thread.tacv2";
        sandbox.microsoft().registerApp(new MicrosoftApp("switchboard-dev-client", "switchboard-dev-client-secret",
                "Switchboard", List.of(CALLBACK, CONSENT_CALLBACK)));
        sandbox.microsoft().seed(new MicrosoftTenantSeed(tenantId, "h" + suffix + ".example", "Harbour " + suffix,
                List.of(MicrosoftTenantSeed.User.admin(alex.microsoftId(), alex.email(), alex.name()),
                        MicrosoftTenantSeed.User.member(sam.microsoftId(), sam.email(), sam.name()),
                        MicrosoftTenantSeed.User.member(jo.microsoftId(), jo.email(), jo.name()),
                        MicrosoftTenantSeed.User.member(kim.microsoftId(), kim.email(), kim.name())),
                List.of(new MicrosoftTenantSeed.Team(teamId, "Harbour", List.of(alex.microsoftId(), sam.microsoftId(),
                        jo.microsoftId(), kim.microsoftId()), List.of(new MicrosoftTenantSeed.Channel(frontDesk, "Front desk")))),
                List.of()));

        Api integration = new Api(Stack.get().integration.baseUrl());
        assertThat(integration.post("/internal/practices", TestTokens.service("internal"),
                Map.of("id", practice, "name", "Harbour " + suffix)).status()).isEqualTo(201);
        for (Person person : List.of(alex, sam, jo, kim)) {
            Api.Response added = api.post("/api/integrations/directory/users", alex.token(), Map.of("id", person.id(),
                    "email", person.email(), "displayName", person.name(), "role", person.role().name()));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        Api.Response client = api.post("/api/register/clients", sam.token(),
                Map.of("kind", "PERSON", "displayName", "Linh Nguyen", "email", "linh@nguyen.example"));
        clientId = client.json().get("id").asText();

        // P3: the admin consents for the organisation, then connects their own account like everyone else.
        assertThat(returnFrom(api.post("/api/integrations/connections/teams/consent", alex.token(), "")
                .json().get("consentUrl").asText(), alex.email(), "consent-callback")).endsWith("teams=connected");
        connect(alex);
        connect(sam);
        connect(kim);
        assertThat(api.post("/api/integrations/connections/teams/channels/refresh", alex.token(), "").status()).isEqualTo(200);
        assertThat(api.post("/api/integrations/connections/teams/users/refresh", alex.token(), "").status()).isEqualTo(200);
        Api.Response saved = api.put("/api/integrations/settings/REGISTER/CORRESPONDENCE_SHARED", alex.token(),
                Map.of("deliveryMode", "CHAT_ONLY", "defaultProvider", "TEAMS", "teamId", teamId, "channelId", frontDesk));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @Test
    void everyStaffUserHearsThatTeamsIsConnectedAndAPhoneMessageArrivesMentioningItsRecipient() {
        for (Person person : List.of(alex, sam, jo, kim)) {
            Awaitility.await(person.name() + "'s notice").atMost(Duration.ofSeconds(30)).until(() ->
                    inbox(person).stream().anyMatch(i -> i.get("title").asText().contains("Teams is connected")));
        }

        String entry = phoneMessage(sam, "Please call Linh back about the BAS");

        JsonNode delivery = teamsDelivery(entry);
        assertThat(delivery.get("outcome").asText()).as(delivery.toString()).isEqualTo("DELIVERED");
        TeamsMessage message = sandbox.microsoft().messages(teamId, frontDesk).stream()
                .filter(m -> m.id().equals(delivery.get("providerMessageId").asText())).findFirst().orElseThrow();
        assertThat(message.senderUserId()).isEqualTo(sam.microsoftId());
        assertThat(message.mentions()).anySatisfy(m -> assertThat(m.userId()).isEqualTo(sam.microsoftId()));
        assertThat(message.content()).contains("<at id=\"").contains(Stack.PUBLIC_URL + "/register/entries/" + entry);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheMessageStillGoes() {
        sandbox.microsoft().expireAccessTokens(tenantId, sam.email());

        String entry = phoneMessage(sam, "After the token expired");

        assertThat(teamsDelivery(entry).get("outcome").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aRevokedGrantMarksTheConnectionBrokenTellsTheAdminsAndTheEntrySaysWhy() {
        sandbox.microsoft().revokeGrants(tenantId, kim.email());
        sandbox.microsoft().expireAccessTokens(tenantId, kim.email());

        String entry = phoneMessage(kim, "Kim's grant was revoked");

        JsonNode delivery = teamsDelivery(entry);
        assertThat(delivery.get("outcome").asText()).as(delivery.toString()).isIn("FAILED", "NOT_SENT");
        assertThat(delivery.get("reason").asText()).isEqualTo("CONNECTION_NEEDS_REAUTH");
        Awaitility.await("the admins are told").atMost(Duration.ofSeconds(30)).until(() -> inbox(alex).stream()
                .anyMatch(i -> i.get("title").asText().contains("Kim Ng") && i.get("title").asText().contains("re-authorising")));
        assertThat(api.get("/api/integrations/connections", kim.token()).json().get(1).get("me").get("status").asText())
                .isEqualTo("BROKEN");
    }

    @Test
    void aUserWhoHasNotConnectedTeamsIsToldSoAndTheEntrySaysNotSent() {
        String entry = phoneMessage(jo, "Jo has not connected Teams");

        JsonNode delivery = teamsDelivery(entry);
        assertThat(delivery.get("outcome").asText()).isEqualTo("NOT_SENT");
        assertThat(delivery.get("reason").asText()).isEqualTo("USER_NOT_CONNECTED");
        Awaitility.await("Jo's nudge").atMost(Duration.ofSeconds(30)).until(() -> inbox(jo).stream()
                .anyMatch(i -> i.path("text").asText().contains("My Profile") && !i.get("title").asText().contains("Teams is connected")));
    }

    @Test
    void twoHundredMessagesToOneChannelNeverExceedFourRequestsASecondAndAllArriveOnce() throws Exception {
        int count = 200;
        Instant start = Instant.now();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(phoneMessage(sam, "burst " + i));
        }
        Awaitility.await("all Teams messages").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> entries.stream().allMatch(e -> sandbox.microsoft().messages(teamId, frontDesk).stream()
                        .anyMatch(m -> m.content().contains("/register/entries/" + e))));

        List<Instant> posts = sandbox.requests("graph").stream()
                .filter(r -> r.method().equals("POST") && r.path().startsWith("/v1.0/teams/" + teamId + "/channels/"))
                .filter(r -> r.receivedAt().isAfter(start))
                .map(RecordedRequest::receivedAt).sorted().toList();
        int busiestSecond = 0;
        for (int i = 0; i < posts.size(); i++) {
            int j = i;
            while (j < posts.size() && posts.get(j).isBefore(posts.get(i).plusSeconds(1))) {
                j++;
            }
            busiestSecond = Math.max(busiestSecond, j - i);
        }
        long distinct = entries.stream().filter(e -> sandbox.microsoft().messages(teamId, frontDesk).stream()
                .filter(m -> m.content().contains("/register/entries/" + e + "\"")).count() == 1).count();
        System.out.printf("[measure] %d Teams messages to one channel: %d POSTs, busiest second %d, drained in %d ms%n",
                count, posts.size(), busiestSecond, Duration.between(start, Instant.now()).toMillis());
        assertThat(busiestSecond).isLessThanOrEqualTo(4);
        assertThat(distinct).isEqualTo(count);
    }

    @Test
    void anOpenInboxStreamHearsANewNoticeAsItHappens() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.get().gateway.baseUrl() + "/api/notifications/inbox/stream"))
                .header("Authorization", "Bearer " + jo.token()).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> stream = BROWSER.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Instant> itemSeen = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:") && line.contains("unread")) {
                            open.countDown();
                        }
                        if (line.startsWith("event:") && line.contains("item")) {
                            return Instant.now();
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // The stream greets with the unread count: from then on it is listening.
            assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();
            Instant sent = Instant.now();
            phoneMessage(sam, "For Jo's inbox", jo.id());
            Instant seen = itemSeen.get(30, TimeUnit.SECONDS);
            System.out.printf("[measure] inbox item reached an open stream through the gateway %d ms after the entry's 201%n",
                    Duration.between(sent, seen).toMillis());
            assertThat(seen).isNotNull();
        }
    }

    static void connect(Person person) {
        assertThat(returnFrom(api.post("/api/integrations/me/connections/teams/authorize", person.token(), "")
                .json().get("authorizeUrl").asText(), person.email(), "callback")).endsWith("teams=connected");
    }

    static String returnFrom(String providerUrl, String upn, String callback) {
        try {
            URI signIn = UriComponentsBuilder.fromUriString(providerUrl).replaceQueryParam("login_hint", upn)
                    .queryParam("auto", "true").build(true).toUri();
            HttpResponse<String> microsoft = BROWSER.send(HttpRequest.newBuilder(signIn).build(),
                    HttpResponse.BodyHandlers.ofString());
            String query = URI.create(microsoft.headers().firstValue("Location").orElseThrow()).getRawQuery();
            HttpResponse<String> back = BROWSER.send(HttpRequest.newBuilder(URI.create(Stack.get().gateway.baseUrl()
                    + "/api/integrations/connections/teams/" + callback + "?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return back.headers().firstValue("Location").orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String phoneMessage(Person author, String body) {
        return phoneMessage(author, body, sam.id());
    }

    /** A phone message for {@code recipient} shared to Teams mentioning them (the practice's default channel). */
    static String phoneMessage(Person author, String body, UUID recipient) {
        Map<String, Object> entry = new HashMap<>(Map.of("type", "PHONE_MESSAGE", "clientId", clientId,
                "recipientUserId", recipient, "subject", "Please call back", "body", body,
                "callerName", "Linh Nguyen", "callerPhone", "+61 400 000 101"));
        entry.put("share", List.of(Map.of("kind", "DIRECT_MESSAGE", "provider", "TEAMS", "userIds", List.of(recipient))));
        Api.Response created = api.post("/api/register/entries", author.token(), entry);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static JsonNode teamsDelivery(String entryId) {
        return Awaitility.await("the Teams delivery of " + entryId).atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/register/entries/" + entryId, sam.token()).json().get("deliveries")
                        .valueStream().filter(d -> d.get("channel").asText().equals("TEAMS")
                                && !d.get("outcome").asText().equals("QUEUED")).findFirst().orElse(null), d -> d != null);
    }

    static List<JsonNode> inbox(Person person) {
        return api.get("/api/notifications/inbox?size=50", person.token()).json().get("items").valueStream().toList();
    }
}
