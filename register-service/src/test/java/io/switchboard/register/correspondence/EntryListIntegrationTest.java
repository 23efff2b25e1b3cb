package io.switchboard.register.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import io.switchboard.register.testsupport.EntryMother;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class EntryListIntegrationTest {

    @LocalServerPort
    int port;

    final UUID practice = UUID.randomUUID();
    final UUID sam = UUID.randomUUID();
    String token;
    Api api;
    UUID group;
    UUID linh;
    UUID minh;
    UUID ada;

    @BeforeEach
    void entries() {
        api = Api.onPort(port);
        token = TestTokens.staff(practice);
        group = ClientMother.createGroup(api, token, "Nguyen family");
        linh = ClientMother.create(api, token, ClientMother.inGroup(ClientMother.person("Linh Nguyen", "linh@n.example"), group));
        minh = ClientMother.create(api, token, ClientMother.inGroup(ClientMother.person("Minh Nguyen", "minh@n.example"), group));
        ada = ClientMother.createPerson(api, token, "Ada Okafor");
        EntryMother.phoneMessage(linh).forRecipient(sam).with("subject", "Call Linh").at(day(1)).create(api, token);
        EntryMother.of("EMAIL_IN", minh, "Invoice from Minh").with("body", "The GST invoice is attached").at(day(2)).create(api, token);
        EntryMother.of("MEETING_NOTE", ada, "Ada planning").at(day(3)).create(api, token);
        EntryMother.fileNote(linh, "Linh statements").at(day(4)).create(api, token);
        // Another practice's entry never shows.
        String stranger = TestTokens.staff(UUID.randomUUID());
        EntryMother.fileNote(ClientMother.createPerson(api, stranger, "Other"), "Other practice").at(day(4)).create(api, stranger);
    }

    @Test
    void listsThePracticesEntriesNewestFirstWithATotal() {
        JsonNode page = api.get("/entries", token).json();

        assertThat(subjects(page)).containsExactly("Linh statements", "Ada planning", "Invoice from Minh", "Call Linh");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("items").get(0).get("summaryUrl").asText()).endsWith("/register/entries/"
                + page.get("items").get(0).get("id").asText());
    }

    @Test
    void filtersByClientFamilyGroupTypeRecipientDatesAndText() {
        assertThat(subjects(api.get("/entries?clientId=" + linh, token).json())).containsExactly("Linh statements", "Call Linh");
        assertThat(subjects(api.get("/entries?familyGroupId=" + group, token).json()))
                .containsExactly("Linh statements", "Invoice from Minh", "Call Linh");
        assertThat(subjects(api.get("/entries?type=MEETING_NOTE", token).json())).containsExactly("Ada planning");
        assertThat(subjects(api.get("/entries?recipientUserId=" + sam, token).json())).containsExactly("Call Linh");
        assertThat(subjects(api.get("/entries?from=2026-03-02&to=2026-03-03", token).json()))
                .containsExactly("Ada planning", "Invoice from Minh");
        assertThat(subjects(api.get("/entries?text=gst", token).json())).containsExactly("Invoice from Minh");
        assertThat(subjects(api.get("/entries?text=linh&type=FILE_NOTE", token).json())).containsExactly("Linh statements");
    }

    @Test
    void pagesThroughTheEntries() {
        JsonNode second = api.get("/entries?page=1&size=3", token).json();

        assertThat(subjects(second)).containsExactly("Call Linh");
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(api.get("/entries?size=101", token).status()).isEqualTo(400);
        assertThat(api.get("/entries?type=LETTER", token).status()).isEqualTo(400);
        assertThat(api.get("/entries?from=2026-03-04&to=2026-03-01", token).json().get("errors").get(0).get("field")
                .asText()).isEqualTo("to");
    }

    @Test
    void listsAllCorrespondenceOfAFamilyGroupsClientsEmailsIncluded() {
        JsonNode page = api.get("/family-groups/" + group + "/correspondence", token).json();

        assertThat(subjects(page)).containsExactly("Linh statements", "Invoice from Minh", "Call Linh");
        assertThat(api.get("/family-groups/" + group + "/correspondence", TestTokens.staff(UUID.randomUUID())).status())
                .isEqualTo(404);
    }

    private static Instant day(int dayOfMarch) {
        return Instant.parse("2026-03-0" + dayOfMarch + "T09:30:00Z");
    }

    private static List<String> subjects(JsonNode page) {
        return page.get("items").valueStream().map(e -> e.get("subject").asText()).toList();
    }
}
