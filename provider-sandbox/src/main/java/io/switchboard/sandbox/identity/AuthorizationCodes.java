package io.switchboard.sandbox.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.Resettable;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftProperties;

/** Authorization codes: single use, short lived, bound to the grant, redirect URI and PKCE challenge they were issued with. */
@Component
class AuthorizationCodes implements Resettable {

    record AuthorizationCode(MicrosoftGrant grant, String redirectUri, String codeChallenge, String codeChallengeMethod,
            Instant expiresAt) {
    }

    /** A code presented at the token endpoint: the one issued, or why there is none. */
    record Redemption(AuthorizationCode code, boolean alreadyRedeemed) {
    }

    private final MicrosoftProperties properties;
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

    AuthorizationCodes(MicrosoftProperties properties) {
        this.properties = properties;
    }

    String issue(MicrosoftGrant grant, String redirectUri, String codeChallenge, String codeChallengeMethod) {
        Instant now = Instant.now();
        // Codes a client never redeemed would pile up in a long-running dev stack.
        codes.values().removeIf(unused -> now.isAfter(unused.expiresAt()));
        String code = "mscode-" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, new AuthorizationCode(grant, redirectUri, codeChallenge, codeChallengeMethod,
                now.plus(properties.codeLifetime())));
        return code;
    }

    /** Takes the code out: whatever the outcome, it cannot be presented again. */
    Redemption redeem(String code) {
        AuthorizationCode found = codes.remove(code);
        if (found != null) {
            redeemed.add(code);
            return new Redemption(found, false);
        }
        return new Redemption(null, redeemed.contains(code));
    }

    @Override
    public void reset() {
        codes.clear();
        redeemed.clear();
    }
}
