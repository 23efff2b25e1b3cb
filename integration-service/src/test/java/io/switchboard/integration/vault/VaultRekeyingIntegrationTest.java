package io.switchboard.integration.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.integration.support.GoogleSandbox;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.integration.support.RotationKeyInitializer;
import io.switchboard.integration.support.SlackSandbox;
import io.switchboard.integration.support.TeamsSandbox;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Rotating the vault key (FEATURES.md P7): every stored secret is re-sealed under the new active key and stays
 * readable, so the old key can be removed; and no provider token is anywhere in the schema in plaintext.
 */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VaultRekeyingIntegrationTest {

    static final String K2 = RotationKeyInitializer.KEY_ID;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Vault vault;
    @Autowired
    VaultProperties properties;
    @Autowired
    Rekeying rekeying;
    @Autowired
    RekeyOnStart rekeyOnStart;
    Api api;
    PracticeMother practice;
    String k1;

    @BeforeEach
    void practice() throws Exception {
        // The start-up run (active key k1) must be over before this test moves rows to k2.
        rekeyOnStart.done().get(60, TimeUnit.SECONDS);
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Rotation Co");
        k1 = vault.activeKeyId();
    }

    @Test
    void theServiceRekeysOnceInTheBackgroundAtStartUpUnderItsActiveKey() throws Exception {
        Rekeying.Result atStart = rekeyOnStart.done().get(60, TimeUnit.SECONDS);

        assertThat(atStart.activeKey()).isEqualTo(k1);
        assertThat(atStart.tables()).containsOnlyKeys("slack_connection", "user_connection", "practice_secret");
        assertThat(atStart.remainingByKey()).containsKey(K2);
    }

    @Test
    void rotatingTheActiveKeyReSealsEverySecretUnderItAndTheOldKeyCanBeRetired(CapturedOutput output) {
        Stored stored = storeOneOfEach();
        assertThat(keyIds(stored)).containsOnly(k1);
        Vault rotated = vault(Map.of(k1, properties.keys().get(k1), K2, RotationKeyInitializer.KEY), K2);
        // Batches of 2: several batches per table, each its own transaction.
        Rekeying rotation = new Rekeying(jdbc, transactions, rotated, rekeying.tables(), 2);

        Rekeying.Result first = rotation.rekey();

        assertThat(first.activeKey()).isEqualTo(K2);
        assertThat(first.tables().get("slack_connection").resealed()).isPositive();
        assertThat(first.tables().get("user_connection").resealed()).isPositive();
        assertThat(first.tables().get("practice_secret").resealed()).isPositive();
        first.tables().forEach((table, counts) -> assertThat(counts.scanned())
                .as(table).isEqualTo(counts.resealed() + counts.alreadyCurrent() + counts.failed()));
        // Every sealed column of this practice's rows now names k2 ...
        assertThat(keyIds(stored)).containsOnly(K2);
        // ... and what the run says is left under k1 is exactly what the tables still hold under it (rows other
        // tests deliberately made unreadable), none of them this practice's.
        assertThat(first.remainingByKey().get(k1)).isEqualTo(valuesUnder(k1));
        first.tables().forEach((table, counts) -> assertThat(counts.remaining()).as(table).isEqualTo(rowsNotUnder(table, K2)));

        // A vault holding only k2 opens every one of them: k1 can be removed from the configuration.
        Vault onlyK2 = vault(Map.of(K2, RotationKeyInitializer.KEY), K2);
        assertThat(opened(stored, onlyK2)).isEqualTo(stored.plaintexts());
        Vault onlyK1 = vault(Map.of(k1, properties.keys().get(k1)), k1);
        assertThatThrownBy(() -> opened(stored, onlyK1)).isInstanceOf(VaultException.class);

        // A second run has nothing left to re-seal.
        Rekeying.Result second = rotation.rekey();
        assertThat(second.resealed()).isZero();
        assertThat(second.tables().values().stream().mapToLong(Rekeying.TableCounts::alreadyCurrent).sum())
                .isGreaterThanOrEqualTo(3);

        // The normal read paths still hand out the same values.
        Api.Response slack = api.get("/internal/practices/" + practice.id + "/connections/slack/token",
                TestTokens.service("internal"));
        assertThat(slack.json().get("botToken").asText()).isEqualTo(stored.slackToken());
        Api.Response gmail = api.get(gmailTokenPath(), TestTokens.service("internal"));
        assertThat(gmail.json().get("accessToken").asText()).isEqualTo(stored.gmailAccess());
        Api.Response secret = api.send(api.request(secretsPath() + "/" + stored.secretRef(), TestTokens.service("internal"))
                .header("X-Switchboard-Actor", practice.staffId.toString()).GET().build());
        assertThat(secret.json().get("secret").asText()).isEqualTo(stored.secret());
        assertThat(secret.json().get("username").asText()).isEqualTo(stored.username());
        // The refresh token re-sealed under k2 is still the one Google issued: spending it works.
        Api.Response refreshed = api.get(gmailTokenPath() + "?refresh=true", TestTokens.service("internal"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().get("accessToken").asText()).isNotEqualTo(stored.gmailAccess());

        assertThat(output.getAll()).contains("Vault rekey of user_connection to key " + K2)
                .doesNotContain(stored.slackToken()).doesNotContain(stored.gmailAccess())
                .doesNotContain(stored.gmailRefresh()).doesNotContain(stored.secret());
    }

    @Test
    void theInternalEndpointReSealsUnderTheActiveKeyForInternalCallersOnly() {
        Stored stored = storeOneOfEach();
        new Rekeying(jdbc, transactions, vault(Map.of(k1, properties.keys().get(k1), K2, RotationKeyInitializer.KEY), K2),
                rekeying.tables(), 50).rekey();
        assertThat(keyIds(stored)).containsOnly(K2);

        assertThat(api.post("/internal/vault/rekey", practice.admin(), "").status()).isEqualTo(403);
        assertThat(api.post("/internal/vault/rekey", TestTokens.service("reports"), "").status()).isEqualTo(403);
        assertThat(keyIds(stored)).containsOnly(K2);

        Api.Response rekeyed = api.post("/internal/vault/rekey", TestTokens.service("internal"), "");

        assertThat(rekeyed.status()).as(rekeyed.body()).isEqualTo(200);
        JsonNode body = rekeyed.json();
        assertThat(body.get("activeKey").asText()).isEqualTo(k1);
        for (String table : List.of("slack_connection", "user_connection", "practice_secret")) {
            JsonNode counts = body.get("tables").get(table);
            assertThat(counts.get("resealed").asLong()).as(table).isPositive();
            assertThat(counts.get("scanned").asLong()).as(table).isEqualTo(counts.get("resealed").asLong()
                    + counts.get("alreadyCurrent").asLong() + counts.get("failed").asLong());
            assertThat(counts.has("remaining")).isTrue();
        }
        assertThat(body.get("remainingByKey").get(K2).asLong()).isZero();
        assertThat(keyIds(stored)).containsOnly(k1);
        assertThat(opened(stored, vault)).isEqualTo(stored.plaintexts());
        assertThat(rekeyed.body()).doesNotContain(stored.slackToken()).doesNotContain(stored.secret());
    }

    @Test
    void noProviderTokenOrClientSecretIsStoredInPlaintextInAnyColumnOfTheSchema() {
        Stored stored = storeOneOfEach();
        TeamsSandbox teams = TeamsSandbox.organisation(practice.adminEmail, practice.staffEmail);
        assertThat(teams.consent(api, practice.admin(), practice.adminEmail)).contains("teams=connected");
        assertThat(teams.connectUser(api, practice.staff(), practice.staffEmail)).contains("teams=connected");
        Api.Response teamsToken = api.get("/internal/practices/" + practice.id + "/users/" + practice.staffId
                + "/connections/teams/token", TestTokens.service("internal"));
        assertThat(teamsToken.status()).as(teamsToken.body()).isEqualTo(200);
        byte[] teamsRefreshSealed = jdbc.sql("""
                select refresh_sealed from user_connection
                where practice_id = :p and user_id = :u and provider = 'MICROSOFT_TEAMS'""")
                .param("p", practice.id).param("u", practice.staffId).query(byte[].class).single();
        String teamsRefreshKey = jdbc.sql("""
                select refresh_key_id from user_connection
                where practice_id = :p and user_id = :u and provider = 'MICROSOFT_TEAMS'""")
                .param("p", practice.id).param("u", practice.staffId).query(String.class).single();
        List<String> secrets = new ArrayList<>(stored.plaintexts().values());
        secrets.add(teamsToken.json().get("accessToken").asText());
        secrets.add(vault.open(practice.id, "teams-refresh-token", new Sealed(teamsRefreshKey, teamsRefreshSealed)));
        assertThat(secrets).hasSize(7).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(8));

        List<String> columns = textAndBinaryColumns();

        assertThat(columns).contains("slack_connection.token_sealed", "user_connection.access_sealed",
                "user_connection.refresh_sealed", "practice_secret.secret_sealed", "staff_user.email");
        Map<String, Long> found = new LinkedHashMap<>();
        for (String secret : secrets) {
            for (String column : columns) {
                long rows = rowsContaining(column, secret);
                if (rows > 0) {
                    found.merge(column, rows, Long::sum);
                }
            }
        }
        assertThat(found).as("columns holding a stored token or secret in plaintext").isEmpty();
        // The scan does find a value that is stored in plaintext (it would not miss a leaked token).
        assertThat(columns.stream().mapToLong(column -> rowsContaining(column, practice.staffEmail)).sum()).isPositive();
    }

    /** A Slack connection, a Gmail user connection and a practice secret, stored the way the service stores them. */
    private Stored storeOneOfEach() {
        SlackSandbox slack = SlackSandbox.workspace(1, practice.adminEmail);
        assertThat(slack.connect(api, practice.admin())).endsWith("slack=connected");
        // The token Slack's OAuth exchange issued, as the notifier gets it.
        Api.Response slackToken = api.get("/internal/practices/" + practice.id + "/connections/slack/token",
                TestTokens.service("internal"));
        assertThat(slackToken.status()).as(slackToken.body()).isEqualTo(200);

        GoogleSandbox google = GoogleSandbox.accounts(practice.adminEmail, practice.staffEmail);
        assertThat(api.post("/connections/gmail", practice.admin(), "").status()).isEqualTo(201);
        assertThat(google.connect(api, practice.staff(), practice.staffEmail, false)).endsWith("gmail=connected");
        Api.Response gmail = api.get(gmailTokenPath(), TestTokens.service("internal"));
        assertThat(gmail.status()).as(gmail.body()).isEqualTo(200);
        String gmailRefresh = vault.open(practice.id, "gmail-refresh-token", gmailRefreshSealed());

        String secret = "s3cret-" + UUID.randomUUID();
        String username = "user-" + UUID.randomUUID();
        Api.Response created = api.post(secretsPath(), TestTokens.service("internal"), Map.of(
                "clientId", UUID.randomUUID().toString(), "label", "Tax portal", "username", username, "secret", secret,
                "submittedBy", UUID.randomUUID().toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Stored(slackToken.json().get("botToken").asText(), gmail.json().get("accessToken").asText(), gmailRefresh,
                created.json().get("secretRef").asText(), secret, username);
    }

    private record Stored(String slackToken, String gmailAccess, String gmailRefresh, String secretRef, String secret,
                          String username) {

        Map<String, String> plaintexts() {
            Map<String, String> plain = new LinkedHashMap<>();
            plain.put("slack", slackToken);
            plain.put("gmail-access", gmailAccess);
            plain.put("gmail-refresh", gmailRefresh);
            plain.put("secret", secret);
            plain.put("username", username);
            return plain;
        }
    }

    /** Every key id column of this practice's sealed values. */
    private List<String> keyIds(Stored stored) {
        List<String> ids = new ArrayList<>();
        ids.addAll(jdbc.sql("select token_key_id from slack_connection where practice_id = :p").param("p", practice.id)
                .query(String.class).list());
        jdbc.sql("select access_key_id, refresh_key_id from user_connection where practice_id = :p")
                .param("p", practice.id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list()
                .forEach(ids::addAll);
        ids.addAll(jdbc.sql("select key_id from practice_secret where ref = :r").param("r", stored.secretRef())
                .query(String.class).list());
        assertThat(ids).hasSize(4);
        return ids;
    }

    /** This practice's values opened straight from the tables with {@code with}, by the purposes they were sealed for. */
    private Map<String, String> opened(Stored stored, Vault with) {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("slack", with.open(practice.id, "slack-bot-token", jdbc.sql(
                "select token_key_id, token_sealed from slack_connection where practice_id = :p")
                .param("p", practice.id).query((rs, n) -> new Sealed(rs.getString(1), rs.getBytes(2))).single()));
        plain.put("gmail-access", with.open(practice.id, "gmail-access-token", jdbc.sql("""
                select access_key_id, access_sealed from user_connection
                where practice_id = :p and user_id = :u and provider = 'GMAIL'""")
                .param("p", practice.id).param("u", practice.staffId)
                .query((rs, n) -> new Sealed(rs.getString(1), rs.getBytes(2))).single()));
        plain.put("gmail-refresh", with.open(practice.id, "gmail-refresh-token", gmailRefreshSealed()));
        Object[] row = jdbc.sql("select key_id, username_sealed, secret_sealed from practice_secret where ref = :r")
                .param("r", stored.secretRef())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)}).single();
        String ref = stored.secretRef();
        plain.put("secret", with.open(practice.id, "practice-secret:" + ref + ":secret",
                new Sealed((String) row[0], (byte[]) row[2])));
        plain.put("username", with.open(practice.id, "practice-secret:" + ref + ":username",
                new Sealed((String) row[0], (byte[]) row[1])));
        return plain;
    }

    private Sealed gmailRefreshSealed() {
        return jdbc.sql("""
                select refresh_key_id, refresh_sealed from user_connection
                where practice_id = :p and user_id = :u and provider = 'GMAIL'""")
                .param("p", practice.id).param("u", practice.staffId)
                .query((rs, n) -> new Sealed(rs.getString(1), rs.getBytes(2))).single();
    }

    private long valuesUnder(String keyId) {
        return jdbc.sql("""
                select (select count(*) from slack_connection where token_key_id = :k)
                     + (select count(*) from user_connection where access_key_id = :k)
                     + (select count(*) from user_connection where refresh_key_id = :k)
                     + (select count(*) from practice_secret where key_id = :k)""")
                .param("k", keyId).query(Long.class).single();
    }

    private long rowsNotUnder(String table, String keyId) {
        String where = switch (table) {
            case "slack_connection" -> "token_key_id <> :k";
            case "user_connection" -> "access_key_id <> :k or refresh_key_id <> :k";
            case "practice_secret" -> "key_id <> :k";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.sql("select count(*) from " + table + " where " + where).param("k", keyId).query(Long.class).single();
    }

    /** {@code table.column} of every text-like or binary column of every table in the service's schema. */
    private List<String> textAndBinaryColumns() {
        return jdbc.sql("""
                select c.table_name || '.' || c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'integration' and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')
                order by 1""").query(String.class).list();
    }

    private long rowsContaining(String column, String value) {
        String[] parts = column.split("\\.");
        String type = jdbc.sql("""
                select data_type from information_schema.columns
                where table_schema = 'integration' and table_name = :t and column_name = :c""")
                .param("t", parts[0]).param("c", parts[1]).query(String.class).single();
        String test = type.equals("bytea")
                ? "position(convert_to(:v, 'UTF8') in \"" + parts[1] + "\") > 0"
                : "strpos(\"" + parts[1] + "\"::text, :v) > 0";
        return jdbc.sql("select count(*) from integration.\"" + parts[0] + "\" where " + test).param("v", value)
                .query(Long.class).single();
    }

    private static Vault vault(Map<String, String> keys, String active) {
        return new Vault(new VaultProperties(keys, active));
    }

    private String gmailTokenPath() {
        return "/internal/practices/" + practice.id + "/users/" + practice.staffId + "/connections/gmail/token";
    }

    private String secretsPath() {
        return "/internal/practices/" + practice.id + "/secrets";
    }
}
