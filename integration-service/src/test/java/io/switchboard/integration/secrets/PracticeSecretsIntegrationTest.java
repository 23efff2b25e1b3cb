package io.switchboard.integration.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.integration.support.PracticeMother;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

/** The vault for what clients hand over (W6 credential requests): sealed, by reference, every read recorded. */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PracticeSecretsIntegrationTest {

    static final String SECRET = "hunter2-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    PracticeMother practice;

    @BeforeEach
    void practice() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Secrets Co");
    }

    @Test
    void aServiceStoresASecretByReferenceAndEachReadIsRecordedWithWhoAskedForWhom(CapturedOutput output) {
        String ref = store(practice.id);
        UUID reader = UUID.randomUUID();

        Api.Response opened = api.send(api.request(path(practice.id) + "/" + ref, TestTokens.service("internal"))
                .header("X-Switchboard-Actor", reader.toString()).GET().build());

        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("secret").asText()).isEqualTo(SECRET);
        assertThat(opened.json().get("username").asText()).isEqualTo("linh.nguyen");
        assertThat(opened.header("Cache-Control")).contains("no-store");
        Api.Response accesses = api.get(path(practice.id) + "/" + ref + "/accesses", TestTokens.service("internal"));
        assertThat(accesses.json()).hasSize(1);
        assertThat(accesses.json().get(0).get("actor").asText()).isEqualTo(reader.toString());
        // Stored sealed: neither the table nor the logs hold it.
        assertThat(new String(jdbc.sql("select secret_sealed from practice_secret where ref = :r").param("r", ref)
                .query(byte[].class).single(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void anotherPracticesRefIsNotFoundAndPracticeUsersCannotReachTheVault() {
        String ref = store(practice.id);
        PracticeMother other = PracticeMother.withStaff(api, "Other Secrets Co");

        assertThat(api.get(path(other.id) + "/" + ref, TestTokens.service("internal")).status()).isEqualTo(404);
        assertThat(api.get(path(practice.id) + "/" + ref, practice.admin()).status()).isEqualTo(403);
        assertThat(api.post(path(practice.id), practice.admin(), body()).status()).isEqualTo(403);
    }

    @Test
    void aRowCopiedUnderAnotherRefDoesNotOpen() {
        String ref = store(practice.id);
        String copy = store(practice.id);
        jdbc.sql("update practice_secret set secret_sealed = (select secret_sealed from practice_secret where ref = :from)"
                + " where ref = :to").param("from", ref).param("to", copy).update();

        Api.Response opened = api.get(path(practice.id) + "/" + copy, TestTokens.service("internal"));

        assertThat(opened.status()).isEqualTo(500);
        assertThat(opened.body()).doesNotContain(SECRET);
    }

    @Test
    void aSecretWithoutItsFieldsIsRefusedAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from practice_secret").query(Long.class).single();

        Api.Response refused = api.post(path(practice.id), TestTokens.service("internal"),
                Map.of("clientId", UUID.randomUUID().toString(), "label", "Tax portal"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from practice_secret").query(Long.class).single()).isEqualTo(before);
    }

    private String store(UUID practiceId) {
        Api.Response stored = api.post(path(practiceId), TestTokens.service("internal"), body());
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).doesNotContain(SECRET);
        return stored.json().get("secretRef").asText();
    }

    private static Map<String, Object> body() {
        return Map.of("clientId", UUID.randomUUID().toString(), "taskId", UUID.randomUUID().toString(),
                "label", "ATO portal login", "username", "linh.nguyen", "secret", SECRET,
                "submittedBy", UUID.randomUUID().toString());
    }

    private static String path(UUID practiceId) {
        return "/internal/practices/" + practiceId + "/secrets";
    }
}
