package io.switchboard.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.platform.security.InternalTokens;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.TestIssuer;
import org.springframework.web.client.RestClient;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

@SwitchboardIntegrationTest
class WebAndSecurityIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    final UUID practiceA = UUID.randomUUID();
    final UUID practiceB = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
    }

    @Test
    void requestWithoutTokenIsRefusedWithProblemJson() {
        Api.Response response = api.post("/widgets", null, Map.of("name", "x"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("correlationId").asText()).isNotBlank();
    }

    @Test
    void forgedExpiredAndForeignIssuerTokensAreRefused() {
        for (String token : new String[] {TestTokens.forged(practiceA, Role.PRACTICE_ADMIN),
                TestTokens.expired(practiceA, Role.PRACTICE_ADMIN), TestTokens.wrongIssuer(practiceA, Role.PRACTICE_ADMIN),
                "not-a-jwt"}) {
            assertThat(api.post("/widgets", token, Map.of("name", "x")).status()).isEqualTo(401);
        }
        assertThat(countWidgets(practiceA)).isZero();
    }

    @Test
    void anotherPracticesObjectAnswers404LikeAMissingOne() {
        String created = api.post("/widgets", TestTokens.staff(practiceA), Map.of("name", "mine")).json().get("id").asText();

        assertThat(api.get("/widgets/" + created, TestTokens.staff(practiceA)).status()).isEqualTo(200);
        Api.Response foreign = api.get("/widgets/" + created, TestTokens.staff(practiceB));
        Api.Response missing = api.get("/widgets/" + UUID.randomUUID(), TestTokens.staff(practiceB));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail").asText()).doesNotContain("practice");
    }

    @Test
    void aClientsPortalUserReachesOnlyPortalPathsWhateverTheMethodChecksSay() {
        String created = api.post("/widgets", TestTokens.staff(practiceA), Map.of("name", "shared")).json().get("id").asText();
        String portalUser = TestTokens.user(practiceA, UUID.randomUUID(), io.switchboard.platform.security.Role.CLIENT);

        Api.Response staffApi = api.get("/widgets/" + created, portalUser);

        assertThat(staffApi.status()).isEqualTo(403);
        assertThat(staffApi.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/portal/widgets/" + created, portalUser).status()).isEqualTo(200);
        assertThat(api.post("/widgets", portalUser, Map.of("name", "by a client")).status()).isEqualTo(403);
    }

    @Test
    void staffUserOnAdminOperationGets403AndNothingChanges() {
        String id = api.post("/widgets", TestTokens.staff(practiceA), Map.of("name", "before")).json().get("id").asText();

        Api.Response response = api.post("/admin/widgets/" + id + "/rename", TestTokens.staff(practiceA), Map.of("name", "after"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/widgets/" + id, TestTokens.staff(practiceA)).json().get("name").asText()).isEqualTo("before");
        assertThat(api.post("/admin/widgets/" + id + "/rename", TestTokens.admin(practiceA), Map.of("name", "after"))
                .status()).isEqualTo(200);
    }

    @Test
    void invalidFieldsAnswer400WithAFieldListAndStoreNothing() {
        Api.Response response = api.post("/widgets", TestTokens.staff(practiceA), Map.of("name", " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(countWidgets(practiceA)).isZero();
    }

    @Test
    void aNulCharacterInTextIsRefusedWith400NamingTheFieldAndOtherControlCharactersAreKept() {
        long before = countWidgets(practiceA);

        Api.Response nul = api.post("/widgets", TestTokens.staff(practiceA), "{\"name\": \"Linh\\u0000Nguyen\"}");
        Api.Response bell = api.post("/widgets", TestTokens.staff(practiceA), "{\"name\": \"Linh\\u0007\\u202eNguyen\"}");

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.contentType()).startsWith("application/problem+json");
        assertThat(nul.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(bell.status()).as(bell.body()).isEqualTo(201);
        assertThat(api.get("/widgets/" + bell.json().get("id").asText(), TestTokens.staff(practiceA)).json()
                .get("name").asText()).isEqualTo("Linh\u0007\u202eNguyen");
        assertThat(countWidgets(practiceA)).isEqualTo(before + 1);
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAnswer400WithoutInternals() {
        String token = TestTokens.staff(practiceA);
        for (String body : new String[] {"{\"name\": ", "{\"name\": \"ok\", \"admin\": true}", "{\"name\": [1,2]}",
                "[]", "null"}) {
            Api.Response response = api.post("/widgets", token, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("Exception", "jackson", "at io.", "at org.");
        }
        assertThat(countWidgets(practiceA)).isZero();
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(api.post("/widgets", TestTokens.staff(practiceA), huge).status()).isEqualTo(413);

        HttpRequest chunked = api.request("/widgets", TestTokens.staff(practiceA))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        Api.Response chunkedResponse = api.send(chunked);
        assertThat(chunkedResponse.status()).as(chunkedResponse.body()).isEqualTo(413);
        assertThat(countWidgets(practiceA)).isZero();
    }

    @Test
    void correlationIdIsEchoedAndCarriedIntoTheEvent() {
        try (KafkaProbe probe = KafkaProbe.on(WidgetChanged.TOPIC.name())) {
            HttpRequest request = api.request("/widgets", TestTokens.staff(practiceA))
                    .header("Content-Type", "application/json")
                    .header("X-Correlation-Id", "trace-me-42")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"traced\"}"))
                    .build();
            Api.Response response = api.send(request);
            String id = response.json().get("id").asText();

            assertThat(response.header("X-Correlation-Id")).isEqualTo("trace-me-42");
            CloudEvent event = probe.awaitEvent(e -> id.equals(e.getSubject()));
            assertThat(event.getExtension(CloudEventExtensions.CORRELATION_ID)).isEqualTo("trace-me-42");
        }
    }

    @Test
    void unacceptableCorrelationIdIsReplaced() {
        HttpRequest request = api.request("/widgets/" + UUID.randomUUID(), TestTokens.staff(practiceA))
                .header("X-Correlation-Id", "<script>alert(1)</script>").GET().build();

        assertThat(api.send(request).header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void internalApiAcceptsTheServiceTokenFromTheIssuerAndRefusesPracticeUsers(@Autowired InternalTokens tokens) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(tokens.interceptor())
                .build();
        int issuedBefore = TestIssuer.issued();

        assertThat(client.get().uri("/internal/widgets/count").retrieve().body(Long.class)).isNotNull();
        assertThat(client.get().uri("/internal/widgets/count").retrieve().body(Long.class)).isNotNull();
        assertThat(TestIssuer.issued() - issuedBefore).as("the token is cached between calls").isLessThanOrEqualTo(1);
        assertThat(api.get("/internal/widgets/count", TestTokens.admin(practiceA)).status()).isEqualTo(403);
        assertThat(api.get("/internal/widgets/count", null).status()).isEqualTo(401);
    }

    @Test
    void healthAndMetricsAreOpenButApiIsNot() {
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Api.Response metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("switchboard_outbox_commit_to_broker");
        assertThat(api.get("/actuator/env", null).status()).isIn(401, 404);
    }

    private int countWidgets(UUID practice) {
        return jdbc.sql("select count(*) from widget where practice_id = :p").param("p", practice).query(Integer.class).single();
    }
}
