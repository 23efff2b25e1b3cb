package io.switchboard.sandbox.google.oauth;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.Resettable;
import io.switchboard.sandbox.google.GoogleGrant;
import io.switchboard.sandbox.google.GoogleProperties;
import io.switchboard.sandbox.oauth.OneTimeCodes;

/** Google's authorization codes ({@code 4/0A…}): single use, bound to the grant, redirect URI, PKCE challenge and access type. */
@Component
class GoogleAuthorizationCodes implements Resettable {

    record Issued(GoogleGrant grant, String redirectUri, String codeChallenge, String codeChallengeMethod, boolean offline,
            boolean forcedConsent) {
    }

    private final GoogleProperties properties;
    private final IssuedSecrets secrets;
    private final OneTimeCodes<Issued> codes = new OneTimeCodes<>("4/0A");

    GoogleAuthorizationCodes(GoogleProperties properties, IssuedSecrets secrets) {
        this.properties = properties;
        this.secrets = secrets;
    }

    String issue(Issued issued) {
        String code = codes.issue(issued, properties.codeLifetime());
        secrets.remember(code);
        return code;
    }

    OneTimeCodes.Redemption<Issued> redeem(String code) {
        return codes.redeem(code);
    }

    @Override
    public void reset() {
        codes.clear();
    }
}
