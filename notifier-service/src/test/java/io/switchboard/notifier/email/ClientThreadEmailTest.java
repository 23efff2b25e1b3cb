package io.switchboard.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;

class ClientThreadEmailTest {

    private static final ClientThreadEmail.Notice NOTICE = new ClientThreadEmail.Notice("Smith & Co <Accountants>",
            "Jane", "Your <2025> return", "Please upload <script>alert(1)</script> & sign.", 2,
            "https://app.example.test/portal/threads/1?a=1&b=2");

    @Test
    void rendersAFriendlyClientEmailWithExcerptTodosAndPortalLinkInBothParts() {
        String text = ClientThreadEmail.text(NOTICE);
        assertThat(text).startsWith("Hello Jane,").contains("Smith & Co <Accountants> has sent you a new message")
                .contains("Please upload <script>alert(1)</script> & sign.").contains("2 to-dos")
                .contains("https://app.example.test/portal/threads/1?a=1&b=2");
        String html = ClientThreadEmail.html(NOTICE);
        assertThat(html).contains("Smith &amp; Co &lt;Accountants&gt;").contains("Your &lt;2025&gt; return")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; sign.").doesNotContain("<script>")
                .contains("href=\"https://app.example.test/portal/threads/1?a=1&amp;b=2\"").contains("2 to-dos");
        assertThat(ClientThreadEmail.subject(NOTICE))
                .isEqualTo("Smith & Co <Accountants> sent you a new message: Your <2025> return");
    }

    @Test
    void saysNothingAboutTodosWhenTheMessageAddsNoneAndNeverLinksANonWebUrl() {
        ClientThreadEmail.Notice notice = new ClientThreadEmail.Notice("Smith & Co", null, "Hello", "Hi there", 0,
                "javascript:alert(1)");
        assertThat(ClientThreadEmail.text(notice)).startsWith("Hello,").doesNotContain("to-do");
        assertThat(ClientThreadEmail.html(notice)).doesNotContain("href=").doesNotContain("to-do");
    }

    @Test
    void theNoticeTravelsInTheCommandContentAndComesBackOnlyForWorkflowThreads() {
        EmailNotificationRequested thread = command(SourceKind.WORKFLOW_THREAD);
        assertThat(ClientThreadEmail.notice(thread)).contains(NOTICE);
        assertThat(ClientThreadEmail.notice(command(SourceKind.CORRESPONDENCE_ENTRY))).isEmpty();
    }

    private static EmailNotificationRequested command(SourceKind kind) {
        return new EmailNotificationRequested(UUID.randomUUID(), UUID.randomUUID(), "evt-1",
                new SourceRef(kind, UUID.randomUUID()), List.of("jane@example.test"),
                ClientThreadEmail.subject(NOTICE), null, ClientThreadEmail.content(NOTICE), Instant.now());
    }
}
