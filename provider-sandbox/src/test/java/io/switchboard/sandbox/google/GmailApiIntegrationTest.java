package io.switchboard.sandbox.google;

import static io.switchboard.sandbox.support.GoogleMother.CLIENT_EMAIL;
import static io.switchboard.sandbox.support.GoogleMother.PDF;
import static io.switchboard.sandbox.support.GoogleMother.SAM_EMAIL;
import static io.switchboard.sandbox.support.GoogleMother.SAM_HISTORY_ID;
import static io.switchboard.sandbox.support.GoogleMother.TAX_RETURN_ID;
import static io.switchboard.sandbox.support.GoogleOAuthClient.GMAIL_READONLY;
import static io.switchboard.sandbox.support.GoogleOAuthClient.GMAIL_SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartBody;
import com.google.api.services.gmail.model.Profile;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.support.GmailClients;
import io.switchboard.sandbox.support.GoogleMother;
import io.switchboard.sandbox.support.GoogleOAuthClient;

/** The Gmail emulator driven through Google's own Java client, {@code google-api-services-gmail}. */
class GmailApiIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final GoogleOAuthClient oauth = new GoogleOAuthClient(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.google().seed(GoogleMother.practice());
    }

    private Gmail gmailAs(String scope) {
        return GmailClients.gmail(sandbox, oauth.accessToken(SAM_EMAIL, scope));
    }

    @Test
    void getsASeededMessageWithItsTextHtmlAndAttachmentPartsAndTheAttachmentBytes() throws Exception {
        Gmail gmail = gmailAs(GMAIL_READONLY);

        Message message = gmail.users().messages().get("me", TAX_RETURN_ID).setFormat("full").execute();

        assertThat(message.getId()).isEqualTo(TAX_RETURN_ID);
        assertThat(message.getLabelIds()).containsExactly("INBOX", "UNREAD");
        assertThat(message.getInternalDate()).isEqualTo(java.time.Instant.parse("2026-11-20T09:00:00Z").toEpochMilli());
        assertThat(message.getSnippet()).isEqualTo("Please find my tax return attached.");
        MessagePart payload = message.getPayload();
        assertThat(payload.getMimeType()).isEqualTo("multipart/mixed");
        assertThat(payload.getHeaders()).anySatisfy(header -> {
            assertThat(header.getName()).isEqualTo("Subject");
            assertThat(header.getValue()).isEqualTo("Tax return 2026");
        });
        assertThat(payload.getHeaders()).anySatisfy(header -> assertThat(header.getValue()).isEqualTo(CLIENT_EMAIL));
        MessagePart alternative = payload.getParts().get(0);
        assertThat(alternative.getMimeType()).isEqualTo("multipart/alternative");
        assertThat(alternative.getParts()).extracting(MessagePart::getMimeType).containsExactly("text/plain", "text/html");
        assertThat(new String(alternative.getParts().get(0).getBody().decodeData(), StandardCharsets.UTF_8))
                .isEqualTo("Please find my tax return attached.");
        assertThat(new String(alternative.getParts().get(1).getBody().decodeData(), StandardCharsets.UTF_8))
                .isEqualTo("<p>Please find my <b>tax return</b> attached.</p>");
        MessagePart attachment = payload.getParts().get(1);
        assertThat(attachment.getPartId()).isEqualTo("1");
        assertThat(attachment.getFilename()).isEqualTo("tax-return.pdf");
        assertThat(attachment.getMimeType()).isEqualTo("application/pdf");
        assertThat(attachment.getBody().getSize()).isEqualTo(PDF.length);
        assertThat(attachment.getBody().getData()).isNull();

        MessagePartBody bytes = gmail.users().messages().attachments()
                .get("me", TAX_RETURN_ID, attachment.getBody().getAttachmentId()).execute();

        assertThat(bytes.decodeData()).isEqualTo(PDF);
    }

    @Test
    void anHtmlOnlyMailIsDeliveredAsTextHtml() throws Exception {
        GmailMessage delivered = sandbox.google().deliver(SAM_EMAIL, new GmailMessageSeed(null, null, null, null,
                "Linh Nguyen <linh@nguyen.example>", List.of(SAM_EMAIL), List.of(), "Statements", null,
                "<p>The <b>statements</b> are attached.</p>", List.of(), null));

        Message full = gmailAs(GMAIL_READONLY).users().messages().get("me", delivered.id()).setFormat("full").execute();

        assertThat(full.getPayload().getMimeType()).isEqualTo("text/html");
        assertThat(new String(full.getPayload().getBody().decodeData(), StandardCharsets.UTF_8))
                .contains("<b>statements</b>");
    }

    @Test
    void getsTheRawMessageAndOnlyTheAskedHeadersInMetadataFormat() throws Exception {
        Gmail gmail = gmailAs(GMAIL_READONLY);

        Message raw = gmail.users().messages().get(SAM_EMAIL, TAX_RETURN_ID).setFormat("raw").execute();
        Message metadata = gmail.users().messages().get("me", TAX_RETURN_ID).setFormat("metadata")
                .setMetadataHeaders(List.of("From", "Subject")).execute();

        assertThat(new String(raw.decodeRaw(), StandardCharsets.UTF_8)).contains("Subject: Tax return 2026",
                "Content-Disposition: attachment");
        assertThat(raw.getPayload()).isNull();
        assertThat(metadata.getPayload().getHeaders()).extracting(header -> header.getName())
                .containsExactlyInAnyOrder("From", "Subject");
        assertThat(metadata.getPayload().getParts()).isNull();
    }

    @Test
    void listsMessagesNewestFirstInPagesAndFiltersBySender() throws Exception {
        Gmail gmail = gmailAs(GMAIL_READONLY);

        ListMessagesResponse first = gmail.users().messages().list("me").setMaxResults(2L).execute();
        ListMessagesResponse second = gmail.users().messages().list("me").setMaxResults(2L)
                .setPageToken(first.getNextPageToken()).execute();
        ListMessagesResponse fromClient = gmail.users().messages().list("me").setQ("from:" + CLIENT_EMAIL).execute();

        assertThat(first.getMessages()).hasSize(2);
        assertThat(first.getMessages().get(0).getId()).isEqualTo(TAX_RETURN_ID);
        assertThat(first.getResultSizeEstimate()).isEqualTo(3);
        assertThat(second.getMessages()).hasSize(1);
        assertThat(second.getNextPageToken()).isNull();
        assertThat(fromClient.getMessages()).hasSize(2);
    }

    @Test
    void sendsAMimeMessageThatLandsInTheAccountsSentItems() throws Exception {
        Gmail gmail = gmailAs(GMAIL_SEND);
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        mime.setFrom(new InternetAddress(SAM_EMAIL, "Sam Staff"));
        mime.setRecipient(RecipientType.TO, new InternetAddress(CLIENT_EMAIL));
        mime.setSubject("Your tax return is lodged");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Lodged today.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Lodged today.</p>", "UTF-8", "html");
        mime.setContent(new MimeMultipart("alternative", text, html));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mime.writeTo(bytes);

        Message sent = gmail.users().messages().send("me", new Message().encodeRaw(bytes.toByteArray())).execute();

        assertThat(sent.getLabelIds()).containsExactly("SENT");
        assertThat(sent.getThreadId()).isNotBlank();
        assertThat(sandbox.google().sent(SAM_EMAIL)).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(sent.getId());
            assertThat(message.to()).containsExactly(CLIENT_EMAIL);
            assertThat(message.subject()).isEqualTo("Your tax return is lodged");
            assertThat(message.text()).isEqualTo("Lodged today.");
            assertThat(message.html()).isEqualTo("<p>Lodged today.</p>");
        });
    }

    @Test
    void refusesToSendAsAnotherAddressOrWithoutRecipient() throws Exception {
        Gmail gmail = gmailAs(GMAIL_SEND);
        String otherFrom = "From: mallory@evil.test\r\nTo: " + CLIENT_EMAIL + "\r\nSubject: Hi\r\n\r\nBody";
        String noTo = "From: " + SAM_EMAIL + "\r\nSubject: Hi\r\n\r\nBody";

        assertThatThrownBy(() -> gmail.users().messages()
                .send("me", new Message().encodeRaw(otherFrom.getBytes(StandardCharsets.UTF_8))).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getMessage()).startsWith("Invalid From header");
                });
        assertThatThrownBy(() -> gmail.users().messages()
                .send("me", new Message().encodeRaw(noTo.getBytes(StandardCharsets.UTF_8))).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getMessage()).isEqualTo("Invalid To header");
                });
        assertThat(sandbox.google().sent(SAM_EMAIL)).isEmpty();
    }

    @Test
    void listsTheMessagesAddedSinceAHistoryIdAfterADelivery() throws Exception {
        Gmail gmail = gmailAs(GMAIL_READONLY);
        Profile before = gmail.users().getProfile("me").execute();

        GmailMessage delivered = sandbox.google().deliver(SAM_EMAIL,
                GmailMessageSeed.email(CLIENT_EMAIL, SAM_EMAIL, "One more thing", "Also this."));
        ListHistoryResponse history = gmail.users().history().list("me").setStartHistoryId(new BigInteger(before.getHistoryId()
                .toString())).setHistoryTypes(List.of("messageAdded")).execute();

        assertThat(before.getEmailAddress()).isEqualTo(SAM_EMAIL);
        assertThat(before.getMessagesTotal()).isEqualTo(3);
        assertThat(history.getHistory()).singleElement().satisfies(record -> {
            assertThat(record.getMessagesAdded()).singleElement()
                    .satisfies(added -> assertThat(added.getMessage().getId()).isEqualTo(delivered.id()));
        });
        assertThat(history.getHistoryId()).isEqualTo(BigInteger.valueOf(delivered.historyId()));
        assertThat(history.getHistoryId()).isGreaterThan(before.getHistoryId());
        ListHistoryResponse nothingNew = gmail.users().history().list("me").setStartHistoryId(history.getHistoryId()).execute();
        assertThat(nothingNew.getHistory()).isNull();
    }

    @Test
    void answersNotFoundForAHistoryIdOlderThanTheHistoryKept() throws Exception {
        Gmail gmail = gmailAs(GMAIL_READONLY);

        assertThatThrownBy(() -> gmail.users().history().list("me")
                .setStartHistoryId(BigInteger.valueOf(SAM_HISTORY_ID - 1)).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound");
                });
    }

    @Test
    void sendsAReplyIntoTheThreadOfTheMessageItAnswers() throws Exception {
        Gmail gmail = gmailAs(GMAIL_READONLY + " " + GMAIL_SEND);
        GmailMessage original = sandbox.google().message(SAM_EMAIL, TAX_RETURN_ID).orElseThrow();
        String messageId = original.payload().header("Message-ID").orElseThrow();
        String reply = "From: " + SAM_EMAIL + "\r\nTo: " + CLIENT_EMAIL + "\r\nSubject: Re: Tax return 2026\r\nIn-Reply-To: "
                + messageId + "\r\n\r\nThanks, received.";

        Message sent = gmail.users().messages().send("me", new Message().encodeRaw(reply.getBytes(StandardCharsets.UTF_8)))
                .execute();

        assertThat(sent.getThreadId()).isEqualTo(original.threadId());
        assertThat(gmail.users().messages().get("me", sent.getId()).setFormat("minimal").execute().getLabelIds())
                .containsExactly("SENT");
    }

    @Test
    void refusesCallsTheTokensScopesDoNotAllow() throws Exception {
        Gmail sendOnly = gmailAs(GMAIL_SEND);
        Gmail addon = gmailAs("https://www.googleapis.com/auth/gmail.addons.current.message.readonly");

        assertThatThrownBy(() -> sendOnly.users().messages().get("me", TAX_RETURN_ID).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("insufficientPermissions");
                });
        assertThat(addon.users().messages().get("me", TAX_RETURN_ID).execute().getId()).isEqualTo(TAX_RETURN_ID);
        assertThatThrownBy(() -> addon.users().messages().list("me").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        assertThatThrownBy(() -> sendOnly.users().messages().get(GoogleMother.BEA_EMAIL, TAX_RETURN_ID).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
    }

    @Test
    void throttlesWithResourceExhaustedOnceTheUsersQuotaUnitsAreSpent() throws Exception {
        sandbox.limits().override("gmail", "quota-units-per-user", new RateLimit(40, Duration.ofMinutes(1), 40));
        Gmail gmail = gmailAs(GMAIL_READONLY);
        gmail.users().messages().get("me", TAX_RETURN_ID).execute();
        gmail.users().messages().get("me", TAX_RETURN_ID).execute();

        assertThatThrownBy(() -> gmail.users().messages().get("me", TAX_RETURN_ID).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getContent()).contains("RESOURCE_EXHAUSTED");
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
                    assertThat(e.getHeaders().getRetryAfter()).isNotBlank();
                });
        Gmail bea = GmailClients.gmail(sandbox, oauth.accessToken(GoogleMother.BEA_EMAIL, GMAIL_READONLY));
        assertThat(bea.users().getProfile("me").execute().getEmailAddress()).as("another user's budget")
                .isEqualTo(GoogleMother.BEA_EMAIL);
    }

    @Test
    void recordsGmailCallsWithTheBearerTokenMasked() throws Exception {
        String token = oauth.accessToken(SAM_EMAIL, GMAIL_READONLY);
        GmailClients.gmail(sandbox, token).users().getProfile("me").execute();

        assertThat(sandbox.requests("gmail")).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/gmail/v1/users/me/profile");
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.toString()).doesNotContain(token);
        });
    }
}
