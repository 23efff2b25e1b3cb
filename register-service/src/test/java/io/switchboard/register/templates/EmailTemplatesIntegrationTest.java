package io.switchboard.register.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import io.switchboard.register.testsupport.TemplateMother;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class EmailTemplatesIntegrationTest {

    @LocalServerPort
    int port;

    final UUID practice = UUID.randomUUID();
    String admin;
    String staff;
    Api api;

    @BeforeEach
    void tokens() {
        api = Api.onPort(port);
        admin = TestTokens.admin(practice);
        staff = TestTokens.staff(practice);
    }

    @Test
    void adminCreatesATemplateEveryoneReadsIt() {
        Api.Response created = api.post("/templates", admin, TemplateMother.documentsNeeded());

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode template = api.get("/templates/" + id, staff).json();
        assertThat(template.get("name").asText()).isEqualTo("Documents needed");
        assertThat(template.get("placeholders").valueStream().map(JsonNode::asText).toList())
                .containsExactly("client.name", "staff.name", "practice.name", "today");
        assertThat(template.get("attachments").get(0).get("name").asText()).isEqualTo("Checklist.pdf");
        assertThat(api.get("/templates", staff).json().size()).isEqualTo(1);
    }

    @Test
    void staffMayNotWriteTemplates() {
        String id = api.post("/templates", admin, TemplateMother.documentsNeeded()).json().get("id").asText();

        assertThat(api.post("/templates", staff, TemplateMother.template("Mine", "Hi", "Hello")).status()).isEqualTo(403);
        assertThat(api.put("/templates/" + id, staff, TemplateMother.template("Mine", "Hi", "Hello")).status()).isEqualTo(403);
        assertThat(api.delete("/templates/" + id, staff).status()).isEqualTo(403);
        assertThat(api.get("/templates/" + id, staff).json().get("name").asText()).isEqualTo("Documents needed");
    }

    @Test
    void refusesUnknownPlaceholdersNamingThem() {
        Api.Response response = api.post("/templates", admin,
                TemplateMother.template("Typo", "For {{client.nmae}}", "<p>{{ clinet.name }}</p>"));

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.get(0).get("field").asText()).isEqualTo("subject");
        assertThat(errors.get(0).get("message").asText()).contains("{{client.nmae}}");
        assertThat(errors.get(1).get("field").asText()).isEqualTo("body");
        assertThat(errors.get(1).get("message").asText()).contains("{{clinet.name}}");
        assertThat(api.get("/templates", staff).json().size()).isZero();
    }

    @Test
    void refusesADuplicateNameAndInvalidFields() {
        api.post("/templates", admin, TemplateMother.documentsNeeded());

        assertThat(api.post("/templates", admin, TemplateMother.documentsNeeded()).status()).isEqualTo(409);
        Api.Response invalid = api.post("/templates", admin, Map.of("name", "", "subject", "s", "body", "b",
                "attachments", List.of(Map.of("name", "x", "url", "javascript:alert(1)"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
                .containsExactlyInAnyOrder("name", "attachments[0].url");
    }

    @Test
    void rendersForAClientEscapingValuesInTheHtmlBodyOnly() {
        String id = api.post("/templates", admin, TemplateMother.documentsNeeded()).json().get("id").asText();
        UUID client = ClientMother.create(api, staff, ClientMother.person("Tom & <Jerry> Pty", "tj@example.com"));

        JsonNode rendered = api.post("/templates/" + id + "/render", staff, Map.of("clientId", client)).json();

        assertThat(rendered.get("subject").asText()).isEqualTo("Documents for Tom & <Jerry> Pty");
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        assertThat(rendered.get("body").asText()).startsWith("<p>Dear Tom &amp; &lt;Jerry&gt; Pty,</p>")
                .contains(today);
        assertThat(rendered.get("attachments").size()).isEqualTo(1);
    }

    @Test
    void answersNotFoundForAnotherPracticesTemplateOrClient() {
        String id = api.post("/templates", admin, TemplateMother.documentsNeeded()).json().get("id").asText();
        UUID otherPractice = UUID.randomUUID();
        UUID theirClient = ClientMother.createPerson(api, TestTokens.staff(otherPractice), "Other Client");

        assertThat(api.get("/templates/" + id, TestTokens.staff(otherPractice)).status()).isEqualTo(404);
        assertThat(api.put("/templates/" + id, TestTokens.admin(otherPractice), TemplateMother.documentsNeeded()).status())
                .isEqualTo(404);
        assertThat(api.delete("/templates/" + id, TestTokens.admin(otherPractice)).status()).isEqualTo(404);
        assertThat(api.post("/templates/" + id + "/render", staff, Map.of("clientId", theirClient)).status()).isEqualTo(404);
    }

    @Test
    void adminUpdatesAndDeletesATemplate() {
        String id = api.post("/templates", admin, TemplateMother.documentsNeeded()).json().get("id").asText();

        Api.Response updated = api.put("/templates/" + id, admin, TemplateMother.template("Renamed", "Hi {{client.name}}", "<p>Hi</p>"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asText()).isEqualTo("Renamed");
        assertThat(api.delete("/templates/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/templates/" + id, staff).status()).isEqualTo(404);
    }
}
