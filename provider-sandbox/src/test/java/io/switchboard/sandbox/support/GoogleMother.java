package io.switchboard.sandbox.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.switchboard.sandbox.google.GmailMessageSeed;
import io.switchboard.sandbox.google.GoogleClient;
import io.switchboard.sandbox.google.GoogleSeed;

/**
 * Google accounts for tests: Sam of a practice, whose inbox holds a client's email with an HTML and a text body
 * and a PDF attached plus two older ones, and Switchboard's OAuth client.
 */
public final class GoogleMother {

    public static final String SAM_EMAIL = "sam@acme-accounting.test";
    public static final String SAM_SUB = "104857600000000000001";
    public static final String BEA_EMAIL = "bea@acme-accounting.test";
    public static final long SAM_HISTORY_ID = 5000;

    public static final String CLIENT_ID = "123456789-switchboard.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "GOCSPX-client-secret-value-0123456789";
    public static final String REDIRECT_URI = "https://app.test/google/callback";

    public static final String TAX_RETURN_ID = "18c0000000000001";
    public static final String CLIENT_EMAIL = "carol@client.test";
    public static final byte[] PDF = "%PDF-1.4 tax return".getBytes(StandardCharsets.US_ASCII);

    private GoogleMother() {
    }

    public static GoogleClient switchboardClient() {
        return new GoogleClient(CLIENT_ID, CLIENT_SECRET, "Switchboard", List.of(REDIRECT_URI));
    }

    /** A client's email with text, HTML and a PDF attachment. */
    public static GmailMessageSeed taxReturn() {
        return GmailMessageSeed.email(CLIENT_EMAIL, SAM_EMAIL, "Tax return 2026", "Please find my tax return attached.")
                .withId(TAX_RETURN_ID)
                .withCc(List.of("partner@acme-accounting.test"))
                .withHtml("<p>Please find my <b>tax return</b> attached.</p>")
                .withAttachment("tax-return.pdf", "application/pdf", PDF)
                .withInternalDate(Instant.parse("2026-11-20T09:00:00Z"));
    }

    public static GoogleSeed practice() {
        GoogleSeed.Account sam = new GoogleSeed.Account(SAM_SUB, SAM_EMAIL, "Sam Staff", SAM_HISTORY_ID, List.of(
                GmailMessageSeed.email("dave@client.test", SAM_EMAIL, "Hello", "First")
                        .withInternalDate(Instant.parse("2026-11-18T09:00:00Z")),
                GmailMessageSeed.email(CLIENT_EMAIL, SAM_EMAIL, "Receipts", "Second")
                        .withInternalDate(Instant.parse("2026-11-19T09:00:00Z")),
                taxReturn()));
        GoogleSeed.Account bea = GoogleSeed.Account.of(BEA_EMAIL, "Bea Books");
        return GoogleSeed.of(List.of(sam, bea), List.of(switchboardClient()));
    }
}
