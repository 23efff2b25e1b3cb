package io.switchboard.workflow.threads;

import static io.switchboard.workflow.testsupport.WorkflowMother.openTodoIds;
import static io.switchboard.workflow.testsupport.WorkflowMother.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cloudevents.CloudEvent;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.workflow.testsupport.Events;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;

/** FEATURES.md W3: threads between the practice and a client's portal users, with to-dos the client checks off. */
@SwitchboardIntegrationTest
class PortalThreadsIntegrationTest {

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    UUID client;
    String portal;

    @BeforeEach
    void practice() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
        portal = workflow.portalUser(client);
    }

    @Test
    void portalUserListsTheirClientsThreadsAndChecksItemsOff() {
        String threadId = workflow.startThread(client, "Documents", "Please upload.", "ID", "Payslips")
                .get("id").asText();
        workflow.startThread(workflow.client("Bart Simpson"), "Someone else", "Not for Lisa.");

        JsonNode threads = api.get("/portal/threads", portal).json();
        assertThat(texts(threads, "subject")).containsExactly("Documents");

        JsonNode thread = api.get("/portal/threads/" + threadId, portal).json();
        assertThat(texts(thread.get("todos"), "text")).containsExactly("ID", "Payslips");
        String todo = thread.get("todos").get(0).get("id").asText();

        Api.Response done = api.post("/portal/threads/" + threadId + "/todos/" + todo + "/done", portal, "{}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("DONE");
        assertThat(done.json().get("doneAt").isNull()).isFalse();

        Api.Response again = api.post("/portal/threads/" + threadId + "/todos/" + todo + "/done", portal, "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("doneAt").asText()).isEqualTo(done.json().get("doneAt").asText());
        assertThat(api.get("/portal/threads", portal).json().get(0).get("doneTodos").asInt()).isEqualTo(1);
    }

    @Test
    void aLaterMessageExtendsTheThreadsTodoList() {
        String threadId = workflow.startThread(client, "Year end", "Please send.", "Bank statements").get("id").asText();

        Api.Response posted = api.post("/threads/" + threadId + "/messages", workflow.staff,
                Map.of("body", "And these too.", "todos", List.of("Loan statement", "Invoices")));

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode thread = api.get("/portal/threads/" + threadId, portal).json();
        assertThat(texts(thread.get("todos"), "text")).containsExactly("Bank statements", "Loan statement", "Invoices");
        assertThat(thread.get("messages").size()).isEqualTo(2);
    }

    @Test
    void portalUserOfAnotherClientSeesNoneOfThisClientsThreads() {
        String threadId = workflow.startThread(client, "Private", "For Lisa only.", "Sign").get("id").asText();
        String todo = openTodoIds(workflow.thread(threadId)).get(0);
        String neighbour = workflow.portalUser(workflow.client("Bart Simpson"));

        assertThat(api.get("/portal/threads", neighbour).json().size()).isZero();
        Api.Response read = api.get("/portal/threads/" + threadId, neighbour);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/portal/threads/" + threadId + "/todos/" + todo + "/done", neighbour, "{}").status())
                .isEqualTo(404);
        assertThat(api.post("/portal/threads/" + threadId + "/messages", neighbour, Map.of("body", "Hi")).status())
                .isEqualTo(404);
        assertThat(openTodoIds(workflow.thread(threadId))).containsExactly(todo);
    }

    @Test
    void anotherPracticesThreadIsNotFound() {
        String threadId = workflow.startThread(client, "Private", "Hello.").get("id").asText();
        UUID otherPractice = UUID.randomUUID();

        assertThat(api.get("/threads/" + threadId, TestTokens.staff(otherPractice)).status()).isEqualTo(404);
        assertThat(api.post("/threads/" + threadId + "/messages", TestTokens.staff(otherPractice),
                Map.of("body", "Hi")).status()).isEqualTo(404);
        String samePersonOtherPractice = TestTokens.user(otherPractice, UUID.randomUUID(), Role.CLIENT);
        assertThat(api.get("/portal/threads/" + threadId, samePersonOtherPractice).status()).isEqualTo(403);
    }

    @Test
    void aPortalUserNotRegisteredForAClientIsForbidden() {
        String stranger = TestTokens.user(workflow.practice, UUID.randomUUID(), Role.CLIENT);

        Api.Response response = api.get("/portal/threads", stranger);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void staffCannotUseThePortalApi() {
        assertThat(api.get("/portal/threads", workflow.staff).status()).isEqualTo(403);
    }

    @Test
    void aClientReplyIsPublishedWithNobodyToNotifyAndCannotCarryTodos() {
        String threadId = workflow.startThread(client, "Question", "Any questions?").get("id").asText();

        try (KafkaProbe probe = KafkaProbe.on("workflow.thread.v1")) {
            Api.Response reply = api.post("/portal/threads/" + threadId + "/messages", portal, Map.of("body", "All clear."));

            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            CloudEvent event = probe.awaitEvent(e -> threadId.equals(e.getSubject()));
            JsonNode data = Events.data(event);
            assertThat(data.get("authorParty").asText()).isEqualTo("CLIENT");
            assertThat(data.get("recipients").size()).isZero();
            assertThat(data.get("jobId").isNull()).isTrue();
        }
        Api.Response withTodos = api.post("/portal/threads/" + threadId + "/messages", portal,
                Map.of("body", "Do this", "todos", List.of("Practice task")));
        assertThat(withTodos.status()).isEqualTo(400);
        assertThat(workflow.thread(threadId).get("messages").size()).isEqualTo(2);
    }

    @Test
    void refusesInvalidThreadsAndMessagesAndStoresNothing() {
        Api.Response blank = api.post("/threads", workflow.staff, Map.of("clientId", client.toString(), "subject", "",
                "body", " ", "todos", List.of("")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(texts(blank.json().get("errors"), "field")).contains("subject", "body");

        Api.Response badEmail = api.post("/clients/" + client + "/portal-users", workflow.staff,
                Map.of("userId", UUID.randomUUID().toString(), "email", "not-an-address"));
        assertThat(badEmail.status()).isEqualTo(400);

        assertThat(api.get("/threads?clientId=" + client, workflow.staff).json().size()).isZero();
        assertThat(api.get("/clients/" + client + "/portal-users", workflow.staff).json().size()).isEqualTo(1);
    }
}
