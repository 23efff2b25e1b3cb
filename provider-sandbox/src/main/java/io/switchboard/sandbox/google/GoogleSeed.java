package io.switchboard.sandbox.google;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Google accounts with their mailboxes, and OAuth clients, to create at once
 * ({@code POST /sandbox/api/google/seed}). An account's {@code sub} is generated and its display name taken
 * from the address when left out; {@code historyId} is where its mailbox's history starts.
 */
public record GoogleSeed(List<Account> accounts, List<GoogleClient> clients) {

    public GoogleSeed {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public static GoogleSeed of(List<Account> accounts, List<GoogleClient> clients) {
        return new GoogleSeed(accounts, clients);
    }

    public record Account(String sub, String email, String displayName, Long historyId, List<GmailMessageSeed> messages) {

        public Account {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }

        public static Account of(String email, String displayName, GmailMessageSeed... messages) {
            return new Account(null, email, displayName, null, List.of(messages));
        }
    }

    /** A field the seed got wrong, as the problem response lists it. */
    public record FieldError(String field, String message) {
    }

    List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String field = "accounts[" + i + "]";
            if (account.email() == null || !account.email().contains("@")) {
                errors.add(new FieldError(field + ".email", "must be an email address"));
            } else if (!emails.add(account.email().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field + ".email", "appears twice"));
            }
            if (account.historyId() != null && account.historyId() < 0) {
                errors.add(new FieldError(field + ".historyId", "must not be negative"));
            }
            for (int m = 0; m < account.messages().size(); m++) {
                GmailMessageSeed message = account.messages().get(m);
                if (message.raw() == null && (message.from() == null || message.from().isBlank())) {
                    errors.add(new FieldError(field + ".messages[" + m + "].from", "is required unless raw is given"));
                }
            }
        }
        for (int i = 0; i < clients.size(); i++) {
            GoogleClient client = clients.get(i);
            if (client.clientId() == null || client.clientId().isBlank() || client.clientSecret() == null
                    || client.clientSecret().isBlank() || client.redirectUris().isEmpty()) {
                errors.add(new FieldError("clients[" + i + "]", "needs clientId, clientSecret and at least one redirect URI"));
            }
        }
        return errors;
    }
}
