package io.switchboard.sandbox.google;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.Resettable;
import io.switchboard.sandbox.oauth.RandomTokens;

/**
 * The emulated Google: accounts with their Gmail mailboxes (messages, history), OAuth clients, and the
 * tokens Google's OAuth server issued. The OAuth endpoints and the Gmail API read and change it; tests and
 * the dev stack seed it, deliver mail, read what was sent, and revoke or expire tokens through it.
 */
@Component
public class GoogleAccounts implements Resettable {

    public static final String INBOX = "INBOX";
    public static final String UNREAD = "UNREAD";
    public static final String SENT = "SENT";

    private static final AtomicLong LAST_MESSAGE_ID = new AtomicLong();
    private static final AtomicLong LAST_SUB = new AtomicLong(100_000_000_000_000_000L);

    private final GoogleProperties properties;
    private final IssuedSecrets secrets;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, GoogleClient> clients = new ConcurrentHashMap<>();
    private final Map<String, GoogleAccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    /** (sub, client id) pairs that consented to offline access: Google issues a refresh token on first consent only. */
    private final Set<String> offlineConsents = ConcurrentHashMap.newKeySet();
    private volatile Duration accessTokenLifetime;

    GoogleAccounts(GoogleProperties properties, IssuedSecrets secrets) {
        this.properties = properties;
        this.secrets = secrets;
        this.accessTokenLifetime = properties.accessTokenLifetime();
    }

    /**
     * Creates accounts with their mailboxes and registers OAuth clients.
     *
     * @throws GoogleSeedRejectedException when the seed is invalid, or an account or a client (differently) exists already
     */
    public synchronized GoogleSeed seed(GoogleSeed seed) {
        List<GoogleSeed.FieldError> errors = seed.validate();
        if (!errors.isEmpty()) {
            throw GoogleSeedRejectedException.invalid("The Google seed is invalid", errors);
        }
        for (GoogleSeed.Account account : seed.accounts()) {
            if (account(account.email()).isPresent() || (account.sub() != null && account(account.sub()).isPresent())) {
                throw GoogleSeedRejectedException.conflict("Account " + account.email() + " exists already");
            }
        }
        for (GoogleClient client : seed.clients()) {
            GoogleClient existing = clients.get(client.clientId());
            if (existing != null && !existing.equals(client)) {
                throw GoogleSeedRejectedException.conflict("Client " + client.clientId() + " is registered already, differently");
            }
        }
        for (GoogleSeed.Account seeded : seed.accounts()) {
            String sub = seeded.sub() == null || seeded.sub().isBlank() ? Long.toString(LAST_SUB.incrementAndGet()) : seeded.sub();
            String name = seeded.displayName() == null || seeded.displayName().isBlank()
                    ? seeded.email().substring(0, seeded.email().indexOf('@')) : seeded.displayName();
            Mailbox mailbox = new Mailbox(new GoogleAccount(sub, seeded.email(), name),
                    seeded.historyId() == null ? 1000 : seeded.historyId());
            for (GmailMessageSeed message : seeded.messages()) {
                mailbox.add(message, List.of(INBOX, UNREAD), false, properties.historyRetention());
            }
            mailboxes.put(sub, mailbox);
        }
        seed.clients().forEach(client -> {
            secrets.remember(client.clientSecret());
            clients.put(client.clientId(), client);
        });
        return seed;
    }

    /** Registers an OAuth client. */
    public GoogleClient registerClient(GoogleClient client) {
        seed(new GoogleSeed(List.of(), List.of(client)));
        return client;
    }

    public Optional<GoogleClient> client(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public List<GoogleClient> clients() {
        return List.copyOf(clients.values());
    }

    public List<GoogleAccount> accounts() {
        return mailboxes.values().stream().map(mailbox -> mailbox.account).sorted(Comparator.comparing(GoogleAccount::email))
                .toList();
    }

    /** An account by {@code sub} or email address (without case). */
    public Optional<GoogleAccount> account(String subOrEmail) {
        return mailbox(subOrEmail).map(mailbox -> mailbox.account);
    }

    /**
     * Adds incoming mail to an account's inbox (labels {@code INBOX, UNREAD} unless the seed names others); the
     * mailbox's history id advances and a {@code messageAdded} record is kept.
     */
    public GmailMessage deliver(String subOrEmail, GmailMessageSeed message) {
        Mailbox mailbox = requireMailbox(subOrEmail);
        synchronized (mailbox) {
            return mailbox.add(message, List.of(INBOX, UNREAD), true, properties.historyRetention());
        }
    }

    /** Stores a message the account sent (label {@code SENT}), as {@code messages.send} does. */
    public GmailMessage send(String subOrEmail, byte[] raw, String threadId) {
        Mailbox mailbox = requireMailbox(subOrEmail);
        synchronized (mailbox) {
            return mailbox.store(raw, threadId, List.of(SENT), Instant.now(), null, true, properties.historyRetention());
        }
    }

    /** The messages an account sent, oldest first. */
    public List<GmailMessage> sent(String subOrEmail) {
        return messages(subOrEmail).stream().filter(message -> message.hasLabel(SENT)).toList();
    }

    /** Every message of an account's mailbox, oldest first. */
    public List<GmailMessage> messages(String subOrEmail) {
        Mailbox mailbox = requireMailbox(subOrEmail);
        synchronized (mailbox) {
            return List.copyOf(mailbox.messages.values());
        }
    }

    public Optional<GmailMessage> message(String subOrEmail, String id) {
        Mailbox mailbox = requireMailbox(subOrEmail);
        synchronized (mailbox) {
            return Optional.ofNullable(mailbox.messages.get(id));
        }
    }

    /** The mailbox's current history id. */
    public long historyId(String subOrEmail) {
        Mailbox mailbox = requireMailbox(subOrEmail);
        synchronized (mailbox) {
            return mailbox.historyId;
        }
    }

    /**
     * The history records after {@code startHistoryId}, oldest first; empty when the id is older than the
     * records kept ({@code sandbox.google.history-retention}), which Gmail answers with 404.
     */
    public Optional<List<GmailHistoryRecord>> historySince(String subOrEmail, long startHistoryId) {
        Mailbox mailbox = requireMailbox(subOrEmail);
        synchronized (mailbox) {
            if (startHistoryId < mailbox.historyFloor) {
                return Optional.empty();
            }
            return Optional.of(mailbox.history.stream().filter(record -> record.id() > startHistoryId).toList());
        }
    }

    /** Sets how long newly issued access tokens live until {@link #reset()}. */
    public void accessTokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("An access token lifetime must be positive, was " + lifetime);
        }
        accessTokenLifetime = lifetime;
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /**
     * Issues an access token, and a refresh token when offline access is asked for and this is the account's
     * first consent to the client (or {@code prompt=consent} forced a new one), as Google does.
     */
    public GoogleTokens issueTokens(GoogleGrant grant, boolean offline, boolean forcedConsent) {
        String refresh = null;
        if (offline && (offlineConsents.add(consentKey(grant)) || forcedConsent)) {
            refresh = "1//" + RandomTokens.next();
            secrets.remember(refresh);
            refreshTokens.put(refresh, new RefreshToken(grant, false));
        }
        return issueAccessToken(grant, refresh);
    }

    /** A new access token for a refresh token of {@code clientId}; Google keeps the refresh token as it is. */
    public Optional<GoogleTokens> refresh(String refreshToken, String clientId) {
        RefreshToken token = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (token == null || token.revoked() || !token.grant().clientId().equals(clientId)
                || account(token.grant().sub()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(issueAccessToken(token.grant(), null));
    }

    /** Whether a refresh token exists but was issued to another client. */
    public boolean isRefreshTokenOfOtherClient(String refreshToken, String clientId) {
        RefreshToken token = refreshToken == null ? null : refreshTokens.get(refreshToken);
        return token != null && !token.grant().clientId().equals(clientId);
    }

    /** What an access token stands for, expired or revoked ones included. */
    public Optional<GoogleAccessToken> accessToken(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(value));
    }

    /**
     * Revokes the grant behind an access or refresh token, as {@code /revoke} does: every token of that account
     * for that client stops working, and the next consent issues a refresh token again.
     *
     * @return false when the token is unknown or already revoked
     */
    public boolean revokeToken(String value) {
        GoogleGrant grant = Optional.ofNullable(value).map(accessTokens::get).filter(token -> !token.revoked())
                .map(GoogleAccessToken::grant)
                .or(() -> Optional.ofNullable(value).map(refreshTokens::get).filter(token -> !token.revoked())
                        .map(RefreshToken::grant))
                .orElse(null);
        if (grant == null) {
            return false;
        }
        revokeWhere(grant.sub(), grant.clientId());
        return true;
    }

    /** Revokes every grant of an account, to every client. */
    public int revokeGrants(String subOrEmail) {
        return revokeWhere(requireMailbox(subOrEmail).account.sub(), null);
    }

    /** Makes every access token of an account expire now; its refresh tokens keep working. */
    public int expireAccessTokens(String subOrEmail) {
        String sub = requireMailbox(subOrEmail).account.sub();
        Instant now = Instant.now();
        int[] count = {0};
        accessTokens.replaceAll((value, token) -> {
            if (token.grant().sub().equals(sub) && now.isBefore(token.expiresAt())) {
                count[0]++;
                return new GoogleAccessToken(token.grant(), now, token.revoked());
            }
            return token;
        });
        return count[0];
    }

    @Override
    public synchronized void reset() {
        mailboxes.clear();
        clients.clear();
        accessTokens.clear();
        refreshTokens.clear();
        offlineConsents.clear();
        accessTokenLifetime = properties.accessTokenLifetime();
    }

    private GoogleTokens issueAccessToken(GoogleGrant grant, String refreshToken) {
        String access = "ya29." + RandomTokens.next();
        Instant expiresAt = Instant.now().plus(accessTokenLifetime);
        secrets.remember(access);
        accessTokens.put(access, new GoogleAccessToken(grant, expiresAt, false));
        return new GoogleTokens(access, expiresAt, refreshToken, grant);
    }

    private int revokeWhere(String sub, String clientId) {
        int[] count = {0};
        accessTokens.replaceAll((value, token) -> {
            if (matches(token.grant(), sub, clientId) && !token.revoked()) {
                count[0]++;
                return new GoogleAccessToken(token.grant(), token.expiresAt(), true);
            }
            return token;
        });
        refreshTokens.replaceAll((value, token) -> {
            if (matches(token.grant(), sub, clientId) && !token.revoked()) {
                count[0]++;
                return new RefreshToken(token.grant(), true);
            }
            return token;
        });
        offlineConsents.removeIf(key -> key.startsWith(sub + "/") && (clientId == null || key.equals(sub + "/" + clientId)));
        return count[0];
    }

    private static boolean matches(GoogleGrant grant, String sub, String clientId) {
        return grant.sub().equals(sub) && (clientId == null || grant.clientId().equals(clientId));
    }

    private static String consentKey(GoogleGrant grant) {
        return grant.sub() + "/" + grant.clientId();
    }

    private Optional<Mailbox> mailbox(String subOrEmail) {
        if (subOrEmail == null) {
            return Optional.empty();
        }
        Mailbox bySub = mailboxes.get(subOrEmail);
        if (bySub != null) {
            return Optional.of(bySub);
        }
        return mailboxes.values().stream().filter(mailbox -> mailbox.account.isKnownAs(subOrEmail)).findFirst();
    }

    private Mailbox requireMailbox(String subOrEmail) {
        return mailbox(subOrEmail).orElseThrow(() -> GoogleSeedRejectedException.notFound("No Google account " + subOrEmail));
    }

    /** A Gmail-like message id: 16 hex digits, strictly increasing across the sandbox. */
    static String nextMessageId() {
        long candidate = System.currentTimeMillis() << 20;
        return Long.toHexString(LAST_MESSAGE_ID.updateAndGet(last -> Math.max(candidate, last + 1)));
    }

    private record RefreshToken(GoogleGrant grant, boolean revoked) {
    }

    /** One account's mailbox; callers hold its lock. */
    private static final class Mailbox {

        private final GoogleAccount account;
        private final Map<String, GmailMessage> messages = new LinkedHashMap<>();
        private final Deque<GmailHistoryRecord> history = new ArrayDeque<>();
        private long historyId;
        /** A {@code startHistoryId} below this is older than the history kept. */
        private long historyFloor;

        Mailbox(GoogleAccount account, long historyId) {
            this.account = account;
            this.historyId = historyId;
            this.historyFloor = historyId;
        }

        GmailMessage add(GmailMessageSeed seed, List<String> defaultLabels, boolean recorded, int retention) {
            if (seed.id() != null && messages.containsKey(seed.id())) {
                throw GoogleSeedRejectedException.conflict("Message " + seed.id() + " exists already in " + account.email());
            }
            Instant date = seed.internalDate() == null ? Instant.now() : seed.internalDate();
            String messageId = "<" + UUID.randomUUID() + "@" + domainOf(seed.from()) + ">";
            byte[] raw;
            try {
                raw = MimeMessages.build(seed, date, messageId);
            } catch (IllegalArgumentException e) {
                throw GoogleSeedRejectedException.invalid(e.getMessage(), List.of());
            }
            return store(raw, seed.threadId(), seed.labelIds() == null ? defaultLabels : seed.labelIds(), date, seed.id(),
                    recorded, retention);
        }

        GmailMessage store(byte[] raw, String threadId, List<String> labels, Instant date, String wantedId, boolean recorded,
                int retention) {
            MimePart payload;
            try {
                payload = MimePart.parse(raw);
            } catch (IllegalArgumentException e) {
                throw GoogleSeedRejectedException.invalid(e.getMessage(), List.of());
            }
            String id = wantedId == null ? nextMessageId() : wantedId;
            String thread = threadId == null || threadId.isBlank() ? threadOf(payload).orElse(id) : threadId;
            historyId++;
            GmailMessage message = new GmailMessage(id, thread, labels, date, historyId, raw, payload);
            messages.put(id, message);
            if (recorded) {
                history.addLast(new GmailHistoryRecord(historyId, message));
                while (history.size() > retention) {
                    historyFloor = history.removeFirst().id();
                }
            } else {
                historyFloor = historyId;
            }
            return message;
        }

        /** The thread of the message this one replies to, found by its {@code In-Reply-To} or {@code References}. */
        private Optional<String> threadOf(MimePart payload) {
            List<String> referenced = new ArrayList<>();
            payload.header("In-Reply-To").ifPresent(referenced::add);
            payload.header("References").ifPresent(value -> referenced.addAll(List.of(value.trim().split("\\s+"))));
            return messages.values().stream()
                    .filter(candidate -> candidate.payload().header("Message-ID").map(referenced::contains).orElse(false))
                    .map(GmailMessage::threadId).findFirst();
        }

        private static String domainOf(String address) {
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 0 ? "sandbox.invalid" : address.substring(at + 1).replace(">", "").trim().toLowerCase(Locale.ROOT);
        }
    }
}
