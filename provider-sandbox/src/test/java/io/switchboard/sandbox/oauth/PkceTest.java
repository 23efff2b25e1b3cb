package io.switchboard.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636, appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void matchesTheRfcExampleWithS256AndAPlainChallengeItself() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.matches(CHALLENGE, Pkce.S256, VERIFIER)).isTrue();
        assertThat(Pkce.matches(CHALLENGE, Pkce.S256, VERIFIER + "x")).isFalse();
        assertThat(Pkce.matches(VERIFIER, Pkce.method(VERIFIER, null), VERIFIER)).isTrue();
        assertThat(Pkce.isSupported("S512")).isFalse();
    }

    @Test
    void aCodeIsRedeemedOnceAndThenKnownAsAlreadyRedeemed() {
        OneTimeCodes<String> codes = new OneTimeCodes<>("c-");
        String code = codes.issue("grant", Duration.ofMinutes(1));

        OneTimeCodes.Redemption<String> first = codes.redeem(code);
        OneTimeCodes.Redemption<String> second = codes.redeem(code);

        assertThat(code).startsWith("c-");
        assertThat(first.issued()).isEqualTo("grant");
        assertThat(second.found()).isFalse();
        assertThat(second.alreadyRedeemed()).isTrue();
        assertThat(codes.redeem("c-never").alreadyRedeemed()).isFalse();
    }
}
