package io.switchboard.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** integration-service answers Gmail scopes as a JSON array; the space-separated string it used to send still reads. */
class GmailTokenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsScopesAsAJsonArrayOfStrings() {
        GmailToken token = JSON.readValue("""
                {"email":"sam@example.test","googleUserId":"g1","accessToken":"ya29.secret",
                 "expiresAt":"2030-01-01T00:00:00Z",
                 "scopes":["https://www.googleapis.com/auth/gmail.send","https://www.googleapis.com/auth/gmail.readonly"]}
                """, GmailToken.class);

        assertThat(token.scopes()).containsExactly("https://www.googleapis.com/auth/gmail.send",
                "https://www.googleapis.com/auth/gmail.readonly");
        assertThat(token.maySend()).isTrue();
        assertThat(token.toString()).doesNotContain("ya29.secret");
    }

    @Test
    void stillReadsTheOldSpaceSeparatedString() {
        GmailToken token = JSON.readValue("""
                {"email":"sam@example.test","accessToken":"t",
                 "scopes":"https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.send"}
                """, GmailToken.class);

        assertThat(token.scopes()).containsExactly("https://www.googleapis.com/auth/gmail.readonly",
                "https://www.googleapis.com/auth/gmail.send");
        assertThat(token.maySend()).isTrue();
    }

    @Test
    void aReadOnlyGrantMayNotSendAndNoScopesReadAsNone() {
        assertThat(new GmailToken("a@b", null, "t", null,
                java.util.List.of("https://www.googleapis.com/auth/gmail.readonly")).maySend()).isFalse();
        assertThat(new GmailToken("a@b", null, "t", null, null).scopes()).isEmpty();
    }
}
