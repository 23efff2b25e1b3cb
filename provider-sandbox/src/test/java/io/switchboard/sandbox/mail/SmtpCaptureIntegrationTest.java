package io.switchboard.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.SandboxApi;
import tools.jackson.databind.JsonNode;

/** Mail sent the way the services send it, Spring's JavaMailSender over SMTP, and what the sandbox makes of it. */
class SmtpCaptureIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void capturesAMailWithItsTextAndHtmlParts() throws Exception {
        JavaMailSenderImpl sender = sender(null, null);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("Front Desk <front-desk@acme-accounting.test>");
        helper.setTo(new String[] {"client@example.test", "partner@acme-accounting.test"});
        helper.setCc("manager@acme-accounting.test");
        helper.setSubject("Your tax return is ready — please review");
        helper.setText("Hello, your return is ready.", "<p>Hello, your <b>return</b> is ready.</p>");
        helper.addAttachment("return.pdf", new ByteArrayResource(new byte[] {37, 80, 68, 70}), "application/pdf");

        sender.send(message);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sandbox.mails()).hasSize(1));
        ReceivedMail mail = sandbox.mails().get(0);
        assertThat(mail.from()).isEqualTo("Front Desk <front-desk@acme-accounting.test>");
        assertThat(mail.to()).containsExactly("client@example.test", "partner@acme-accounting.test");
        assertThat(mail.cc()).containsExactly("manager@acme-accounting.test");
        assertThat(mail.replyTo()).isEmpty();
        assertThat(mail.envelopeRecipients()).containsExactlyInAnyOrder(
                "client@example.test", "partner@acme-accounting.test", "manager@acme-accounting.test");
        assertThat(mail.subject()).isEqualTo("Your tax return is ready — please review");
        assertThat(mail.text()).isEqualTo("Hello, your return is ready.");
        assertThat(mail.html()).isEqualTo("<p>Hello, your <b>return</b> is ready.</p>");
        assertThat(mail.attachments()).singleElement()
                .satisfies(attachment -> assertThat(attachment.filename()).isEqualTo("return.pdf"))
                .satisfies(attachment -> assertThat(attachment.contentType()).isEqualTo("application/pdf"));
        assertThat(mail.messageId()).isNotBlank();
    }

    @Test
    void showsTheMailInTheJsonApi() throws Exception {
        sendSimple("Reminder: documents outstanding");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode mails = SandboxApi.json(api.get("/sandbox/api/mail"));
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).get("subject").asString()).isEqualTo("Reminder: documents outstanding");
            assertThat(mails.get(0).get("text").asString()).isEqualTo("Plain words.");
            assertThat(mails.get(0).get("html").asString()).isEqualTo("<p>Plain words.</p>");
        });
    }

    @Test
    void acceptsAnyLoginAndPassword() throws Exception {
        JavaMailSenderImpl sender = sender("anyone@acme-accounting.test", "whatever-password");
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom("anyone@acme-accounting.test");
        helper.setTo("client@example.test");
        helper.setSubject("Authenticated");
        helper.setText("Sent after SMTP AUTH.");

        sender.send(message);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sandbox.mails()).extracting(ReceivedMail::subject).containsExactly("Authenticated"));
    }

    @Test
    void forgetsMailOnDelete() throws Exception {
        sendSimple("To be forgotten");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sandbox.mails()).hasSize(1));

        assertThat(api.delete("/sandbox/api/mail").getStatusCode().value()).isEqualTo(204);

        assertThat(sandbox.mails()).isEmpty();
    }

    private void sendSimple(String subject) throws Exception {
        JavaMailSenderImpl sender = sender(null, null);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("front-desk@acme-accounting.test");
        helper.setTo("client@example.test");
        helper.setSubject(subject);
        helper.setText("Plain words.", "<p>Plain words.</p>");
        sender.send(message);
    }

    private static JavaMailSenderImpl sender(String username, String password) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(sandbox.smtpHost());
        sender.setPort(sandbox.smtpPort());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        if (username != null) {
            sender.setUsername(username);
            sender.setPassword(password);
            properties.put("mail.smtp.auth", "true");
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
