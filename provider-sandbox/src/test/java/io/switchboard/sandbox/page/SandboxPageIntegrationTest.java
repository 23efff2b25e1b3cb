package io.switchboard.sandbox.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.client.RestClient;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.MicrosoftOAuthClient;
import io.switchboard.sandbox.support.MicrosoftTenantMother;
import io.switchboard.sandbox.support.SandboxApi;

/** The {@code /sandbox} page: what it lists, and that nothing a client sent can run in the browser. */
class SandboxPageIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void listsAMailWithItsSubjectAndHtmlEscaped() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(sandbox.smtpHost());
        sender.setPort(sandbox.smtpPort());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("front-desk@acme-accounting.test");
        helper.setTo("client@example.test");
        helper.setSubject("<script>alert('subject')</script> Invoice");
        helper.setText("Text part", "<p onclick=\"steal()\">Html part</p><script>alert('html')</script>");
        sender.send(message);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sandbox.mails()).hasSize(1));

        ResponseEntity<String> page = api.get("/sandbox");

        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getBody())
                .contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; Invoice")
                .contains("&lt;p onclick=&quot;steal()&quot;&gt;Html part&lt;/p&gt;")
                .contains("client@example.test")
                .doesNotContain("<script")
                .doesNotContain("<p onclick");
    }

    @Test
    void listsRecentRequestsWithClientValuesEscaped() {
        api.postForm("/api/chat.postMessage", "channel=C0FRONTDESK&text=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E");

        String page = api.get("/sandbox").getBody();

        assertThat(page).contains("POST /api/chat.postMessage")
                .contains("text=&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img");
    }

    @Test
    void filtersRequestsByProvider() {
        api.postForm("/api/auth.test", "");
        api.get("/gmail/v1/users/me/profile");

        String page = api.get("/sandbox?provider=gmail").getBody();

        assertThat(page).contains("GET /gmail/v1/users/me/profile").doesNotContain("POST /api/auth.test");
    }

    @Test
    void showsMicrosoftTenantsTeamsChannelsAndTeamsMessagesEscaped() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        String accessToken = new MicrosoftOAuthClient(sandbox).signIn(MicrosoftTenantMother.SAM_UPN).get("access_token").asString();
        RestClient.create(sandbox.graphBaseUrl()).post()
                .uri("/teams/{team}/channels/{channel}/messages", MicrosoftTenantMother.PRACTICE_TEAM_ID,
                        MicrosoftTenantMother.FRONT_DESK_CHANNEL_ID)
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", Map.of("contentType", "html", "content", "<p onclick=\"steal()\">Call back</p>")))
                .retrieve().toBodilessEntity();

        String page = api.get("/sandbox").getBody();

        assertThat(page).contains("Acme Accounting").contains(MicrosoftTenantMother.ACME_TENANT_ID)
                .contains(MicrosoftTenantMother.SAM_UPN).contains("Front desk")
                .contains(MicrosoftTenantMother.FRONT_DESK_CHANNEL_ID)
                .contains("html: &lt;p onclick=&quot;steal()&quot;&gt;Call back&lt;/p&gt;")
                .doesNotContain("<p onclick");
    }
}
