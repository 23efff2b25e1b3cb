package io.switchboard.sandbox.google;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.sandbox.recording.SecretMasking;

/**
 * Seeds and steers the emulated Google under {@code /sandbox/api/google}: accounts with mailboxes and OAuth
 * clients, incoming mail, what accounts sent, revocation and token lifetimes. Client secrets are shown masked.
 */
@RestController
class GoogleSeedApi {

    private static final String BASE = "/sandbox/api/google";
    private static final String ACCOUNTS = BASE + "/accounts";

    private final GoogleAccounts google;

    GoogleSeedApi(GoogleAccounts google) {
        this.google = google;
    }

    @PostMapping(BASE + "/seed")
    ResponseEntity<SeedView> seed(@RequestBody GoogleSeed seed) {
        google.seed(seed);
        List<AccountView> accounts = seed.accounts().stream()
                .map(account -> view(google.account(account.email()).orElseThrow())).toList();
        return ResponseEntity.created(URI.create(ACCOUNTS)).body(new SeedView(accounts,
                seed.clients().stream().map(GoogleSeedApi::view).toList()));
    }

    @GetMapping(ACCOUNTS)
    List<AccountView> accounts() {
        return google.accounts().stream().map(this::view).toList();
    }

    @GetMapping(ACCOUNTS + "/{account}")
    ResponseEntity<AccountView> account(@PathVariable String account) {
        return ResponseEntity.of(google.account(account).map(this::view));
    }

    @PostMapping(BASE + "/clients")
    ResponseEntity<ClientView> register(@RequestBody GoogleClient client) {
        GoogleClient registered = google.registerClient(client);
        return ResponseEntity.created(URI.create(BASE + "/clients/" + registered.clientId())).body(view(registered));
    }

    @GetMapping(BASE + "/clients")
    List<ClientView> clients() {
        return google.clients().stream().map(GoogleSeedApi::view).toList();
    }

    /** Every message of the mailbox, oldest first, with its RFC 822 source. */
    @GetMapping(ACCOUNTS + "/{account}/messages")
    List<MessageView> messages(@PathVariable String account) {
        return google.messages(account).stream().map(GoogleSeedApi::view).toList();
    }

    /** Incoming mail, as {@link GmailMessageSeed}: advances the history id. */
    @PostMapping(ACCOUNTS + "/{account}/messages")
    ResponseEntity<MessageView> deliver(@PathVariable String account, @RequestBody GmailMessageSeed message) {
        GmailMessage delivered = google.deliver(account, message);
        return ResponseEntity.created(URI.create(ACCOUNTS + "/" + account + "/messages/" + delivered.id())).body(view(delivered));
    }

    @GetMapping(ACCOUNTS + "/{account}/sent")
    List<MessageView> sent(@PathVariable String account) {
        return google.sent(account).stream().map(GoogleSeedApi::view).toList();
    }

    @PostMapping(ACCOUNTS + "/{account}/revoke-grants")
    Map<String, Integer> revokeGrants(@PathVariable String account) {
        return Map.of("revoked", google.revokeGrants(account));
    }

    @PostMapping(ACCOUNTS + "/{account}/expire-access-tokens")
    Map<String, Integer> expireAccessTokens(@PathVariable String account) {
        return Map.of("expired", google.expireAccessTokens(account));
    }

    /** The lifetime of access tokens issued from now on, e.g. {@code {"lifetime":"PT5S"}}, until a reset. */
    @PutMapping(BASE + "/access-token-lifetime")
    Map<String, Duration> accessTokenLifetime(@RequestBody LifetimeRef body) {
        try {
            google.accessTokenLifetime(body == null ? null : body.lifetime());
        } catch (IllegalArgumentException e) {
            throw GoogleSeedRejectedException.invalid(e.getMessage(), List.of(new GoogleSeed.FieldError("lifetime", e.getMessage())));
        }
        return Map.of("lifetime", google.accessTokenLifetime());
    }

    @ExceptionHandler(GoogleSeedRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(GoogleSeedRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return ResponseEntity.of(problem).build();
    }

    private AccountView view(GoogleAccount account) {
        List<GmailMessage> messages = google.messages(account.sub());
        return new AccountView(account.sub(), account.email(), account.displayName(), google.historyId(account.sub()),
                messages.size(), messages.stream().filter(message -> message.hasLabel(GoogleAccounts.SENT)).count());
    }

    private static ClientView view(GoogleClient client) {
        return new ClientView(client.clientId(), SecretMasking.maskToken(client.clientSecret()), client.displayName(),
                client.redirectUris());
    }

    private static MessageView view(GmailMessage message) {
        return new MessageView(message.id(), message.threadId(), message.labelIds(), message.internalDate(),
                message.historyId(), message.from(), message.to(), message.subject(), message.snippet(),
                message.attachments().stream().map(MimePart::filename).toList(),
                Base64.getUrlEncoder().encodeToString(message.raw()));
    }

    record SeedView(List<AccountView> accounts, List<ClientView> clients) {
    }

    record AccountView(String sub, String email, String displayName, long historyId, int messagesTotal, long sentTotal) {
    }

    record ClientView(String clientId, String clientSecret, String displayName, List<String> redirectUris) {
    }

    /** A message with its RFC 822 source in base64url, as Gmail's {@code format=raw} has it. */
    record MessageView(String id, String threadId, List<String> labelIds, Instant internalDate, long historyId, String from,
            List<String> to, String subject, String snippet, List<String> attachments, String raw) {
    }

    record LifetimeRef(Duration lifetime) {
    }
}
