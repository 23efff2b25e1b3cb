package io.switchboard.workflow.tasks;

import static io.switchboard.workflow.testsupport.WorkflowMother.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.workflow.testsupport.Events;
import io.switchboard.workflow.testsupport.Multipart;
import io.switchboard.workflow.testsupport.WorkflowMother;
import io.switchboard.workflow.testsupport.WorkflowTestEnvironment;
import tools.jackson.databind.JsonNode;

/** FEATURES.md W6: a client uploads documents to a request; completing it files them in the chosen folder. */
@SwitchboardIntegrationTest
class DocumentUploadIntegrationTest {

    static final long MAX_FILE = 10L * 1024 * 1024;

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    UUID client;
    String portal;
    String taskId;

    @BeforeEach
    void documentRequest() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
        workflow.pointsOfContact(UUID.randomUUID(), null, null);
        portal = workflow.portalUser(client);
        taskId = workflow.createTask(task("DOCUMENT_UPLOAD_REQUEST", client, "March bank statements",
                "category", "BANK_STATEMENTS", "folder", " Bank Statements / 2026 ")).get("id").asText();
    }

    @Test
    void completedUploadLandsInTheChosenFolderAndDownloadsByteForByte() throws IOException {
        byte[] statement = pdf(300_000);
        byte[] scan = png(40_000);

        Api.Response uploaded = workflow.upload(portal, taskId, new Multipart()
                .file("files", "march-statement.pdf", "application/pdf", statement)
                .file("files", "cheque scan.png", "image/png", scan));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode task = uploaded.json();
        assertThat(task.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(task.get("documents").size()).isEqualTo(2);
        assertThat(task.get("documents").get(0).get("folder").isNull()).isTrue();
        String statementId = task.get("documents").get(0).get("id").asText();

        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            Api.Response completed = api.post("/portal/tasks/" + taskId + "/complete", portal, "{}");

            assertThat(completed.status()).as(completed.body()).isEqualTo(200);
            assertThat(completed.json().get("status").asText()).isEqualTo("COMPLETED");
            assertThat(completed.json().get("documents").get(0).get("folder").asText()).isEqualTo("Bank Statements/2026");
            JsonNode event = Events.data(probe.awaitEvent(e -> taskId.equals(e.getSubject())
                    && "COMPLETED".equals(Events.data(e).path("toStatus").asText())));
            assertThat(event.get("folder").asText()).isEqualTo("Bank Statements/2026");
            assertThat(event.get("fileCount").asInt()).isEqualTo(2);
        }

        Path folder = WorkflowTestEnvironment.documentsDir().resolve(workflow.practice.toString())
                .resolve("clients").resolve(client.toString()).resolve("Bank Statements").resolve("2026");
        assertThat(Files.readAllBytes(folder.resolve("march-statement.pdf"))).isEqualTo(statement);
        assertThat(Files.readAllBytes(folder.resolve("cheque scan.png"))).isEqualTo(scan);
        assertThat(uploadsOfPractice()).isEmpty();

        HttpResponse<byte[]> byStaff = workflow.download("/tasks/" + taskId + "/documents/" + statementId, workflow.staff);
        assertThat(byStaff.statusCode()).isEqualTo(200);
        assertThat(byStaff.body()).isEqualTo(statement);
        assertThat(byStaff.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(byStaff.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("march-statement.pdf");
        HttpResponse<byte[]> byClient = workflow.download("/portal/tasks/" + taskId + "/documents/" + statementId, portal);
        assertThat(byClient.body()).isEqualTo(statement);
    }

    @Test
    void documentsAreDownloadableOnlyWithinThePracticeAndByTheirOwnClient() {
        Api.Response uploaded = workflow.upload(portal, taskId,
                new Multipart().file("files", "a.pdf", "application/pdf", pdf(1_000)));
        String documentId = uploaded.json().get("documents").get(0).get("id").asText();
        String path = "/documents/" + documentId;

        assertThat(workflow.download("/tasks/" + taskId + path, TestTokens.staff(UUID.randomUUID())).statusCode())
                .isEqualTo(404);
        assertThat(workflow.download("/portal/tasks/" + taskId + path, workflow.portalUser(workflow.client("Bart Simpson")))
                .statusCode()).isEqualTo(404);
        assertThat(workflow.download("/tasks/" + taskId + "/documents/" + UUID.randomUUID(), workflow.staff)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aClientFileNameCannotChooseWhereItIsStored() throws IOException {
        Api.Response uploaded = workflow.upload(portal, taskId,
                new Multipart().file("files", "../../../../etc/..\\evil\u0007.pdf", "application/pdf", pdf(500)));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("documents").get(0).get("filename").asText()).isEqualTo("evil.pdf");
        assertThat(uploadsOfPractice()).hasSize(1).allSatisfy(file -> assertThat(file.getFileName().toString())
                .isEqualTo(uploaded.json().get("documents").get(0).get("id").asText()));
    }

    @Test
    void refusesAnOversizedFileWithProblemJsonAndStoresNothing() throws IOException {
        Api.Response refused = workflow.upload(portal, taskId, new Multipart()
                .file("files", "small.pdf", "application/pdf", pdf(1_000))
                .file("files", "huge.pdf", "application/pdf", pdf((int) MAX_FILE + 1)));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertNothingStored();
    }

    @Test
    void refusesFilesOfAForbiddenKindOrWithContentNotMatchingTheirTypeAndStoresNothing() throws IOException {
        Api.Response executable = workflow.upload(portal, taskId,
                new Multipart().file("files", "invoice.exe", "application/x-msdownload", new byte[] {'M', 'Z', 1, 2}));
        Api.Response disguised = workflow.upload(portal, taskId,
                new Multipart().file("files", "invoice.pdf", "application/pdf", "<script>".getBytes(StandardCharsets.UTF_8)));
        Api.Response mismatched = workflow.upload(portal, taskId,
                new Multipart().file("files", "invoice.pdf", "text/html", pdf(100)));
        Api.Response none = api.send(api.request("/portal/tasks/" + taskId + "/documents", portal)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(executable.status()).isEqualTo(415);
        assertThat(executable.contentType()).startsWith("application/problem+json");
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(mismatched.status()).isEqualTo(415);
        assertThat(none.status()).isBetween(400, 415);
        assertNothingStored();
        assertThat(api.post("/portal/tasks/" + taskId + "/complete", portal, "{}").status()).isEqualTo(409);
    }

    private void assertNothingStored() throws IOException {
        JsonNode task = workflow.task(taskId);
        assertThat(task.get("documents").size()).isZero();
        assertThat(task.get("status").asText()).isEqualTo("OPEN");
        assertThat(uploadsOfPractice()).isEmpty();
    }

    private List<Path> uploadsOfPractice() throws IOException {
        Path uploads = WorkflowTestEnvironment.documentsDir().resolve(workflow.practice.toString()).resolve("uploads");
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.toList();
        }
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, Math.min(magic.length, size));
        return bytes;
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return Arrays.copyOf(bytes, size);
    }
}
