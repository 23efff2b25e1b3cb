package io.switchboard.sandbox.identity;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.Resettable;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftProperties;
import io.switchboard.sandbox.oauth.OneTimeCodes;

/** Authorization codes: single use, short lived, bound to the grant, redirect URI and PKCE challenge they were issued with. */
@Component
class AuthorizationCodes implements Resettable {

    record AuthorizationCode(MicrosoftGrant grant, String redirectUri, String codeChallenge, String codeChallengeMethod,
            Instant expiresAt) {
    }

    /** A code presented at the token endpoint: the one issued, or why there is none. */
    record Redemption(AuthorizationCode code, boolean alreadyRedeemed) {
    }

    private record Issued(MicrosoftGrant grant, String redirectUri, String codeChallenge, String codeChallengeMethod) {
    }

    private final MicrosoftProperties properties;
    private final IssuedSecrets secrets;
    private final OneTimeCodes<Issued> codes = new OneTimeCodes<>("mscode-");

    AuthorizationCodes(MicrosoftProperties properties, IssuedSecrets secrets) {
        this.properties = properties;
        this.secrets = secrets;
    }

    String issue(MicrosoftGrant grant, String redirectUri, String codeChallenge, String codeChallengeMethod) {
        String code = codes.issue(new Issued(grant, redirectUri, codeChallenge, codeChallengeMethod), properties.codeLifetime());
        secrets.remember(code);
        return code;
    }

    /** Takes the code out: whatever the outcome, it cannot be presented again. */
    Redemption redeem(String code) {
        OneTimeCodes.Redemption<Issued> redemption = codes.redeem(code);
        if (!redemption.found()) {
            return new Redemption(null, redemption.alreadyRedeemed());
        }
        Issued issued = redemption.issued();
        return new Redemption(new AuthorizationCode(issued.grant(), issued.redirectUri(), issued.codeChallenge(),
                issued.codeChallengeMethod(), redemption.expiresAt()), false);
    }

    @Override
    public void reset() {
        codes.clear();
    }
}
