package io.switchboard.notifier.email;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.switchboard.notifier.delivery.DelegatedTokens;

/**
 * A user's delegated Gmail token as integration-service hands it out; {@code toString} hides the token.
 *
 * @param scopes the granted scopes: a JSON array of strings; a single space-separated string (what integration-service
 *               answered before) is read too
 */
public record GmailToken(String email, String googleUserId, String accessToken, Instant expiresAt,
                         @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> scopes)
        implements DelegatedTokens.Token {

    /** integration-service's {@code …/connections/gmail/token}. */
    public static final DelegatedTokens.Provider<GmailToken> GMAIL = new DelegatedTokens.Provider<>("gmail", GmailToken.class);

    /** Scopes that let {@code users.messages.send} through (Google accepts any of them). */
    static final Set<String> SEND_SCOPES = Set.of("https://www.googleapis.com/auth/gmail.send",
            "https://www.googleapis.com/auth/gmail.compose", "https://www.googleapis.com/auth/gmail.modify",
            "https://mail.google.com/");

    public GmailToken {
        scopes = scopes == null ? List.of() : scopes.stream()
                .filter(scope -> scope != null)
                .flatMap(scope -> Arrays.stream(scope.trim().split("\\s+")))
                .filter(scope -> !scope.isEmpty())
                .toList();
    }

    boolean maySend() {
        return scopes.stream().anyMatch(SEND_SCOPES::contains);
    }

    /** A token without the account's address cannot send. */
    @Override
    public boolean usable() {
        return accessToken != null && email != null;
    }

    @Override
    public String toString() {
        return "GmailToken[email=" + email + ", googleUserId=" + googleUserId + ", accessToken=***, expiresAt="
                + expiresAt + ", scopes=" + scopes + "]";
    }
}
