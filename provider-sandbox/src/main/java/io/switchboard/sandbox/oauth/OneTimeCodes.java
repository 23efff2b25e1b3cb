package io.switchboard.sandbox.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes of one authorization server: single use, short lived, each carrying what it was issued
 * for ({@code T}: the grant, redirect URI, PKCE challenge…). Not a bean: each emulator holds its own and
 * clears it on reset.
 */
public final class OneTimeCodes<T> {

    /** A code presented at a token endpoint: what it was issued for, or why there is nothing. */
    public record Redemption<T>(T issued, Instant expiresAt, boolean alreadyRedeemed) {

        public boolean found() {
            return issued != null;
        }

        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private record Entry<T>(T issued, Instant expiresAt) {
    }

    private final String prefix;
    private final Map<String, Entry<T>> codes = new ConcurrentHashMap<>();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

    /** @param prefix what each code starts with, so codes of different providers look like theirs */
    public OneTimeCodes(String prefix) {
        this.prefix = prefix;
    }

    public String issue(T issued, Duration lifetime) {
        Instant now = Instant.now();
        // Codes a client never redeemed would pile up in a long-running dev stack.
        codes.values().removeIf(unused -> now.isAfter(unused.expiresAt()));
        String code = prefix + RandomTokens.next() + RandomTokens.next();
        codes.put(code, new Entry<>(issued, now.plus(lifetime)));
        return code;
    }

    /** Takes the code out: whatever the outcome, it cannot be presented again. */
    public Redemption<T> redeem(String code) {
        Entry<T> found = code == null ? null : codes.remove(code);
        if (found != null) {
            redeemed.add(code);
            return new Redemption<>(found.issued(), found.expiresAt(), false);
        }
        return new Redemption<>(null, null, code != null && redeemed.contains(code));
    }

    public void clear() {
        codes.clear();
        redeemed.clear();
    }
}
