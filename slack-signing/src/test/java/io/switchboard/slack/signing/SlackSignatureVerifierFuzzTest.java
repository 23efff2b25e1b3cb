package io.switchboard.slack.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.switchboard.slack.signing.SlackSignatureVerifier.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Fuzzes the verifier: genuine requests always pass, any one-byte change never does, garbage never throws. */
class SlackSignatureVerifierFuzzTest {

    static final String SECRET = "a3c1f0e9b8d7c6b5a4f3e2d1c0b9a8f7";
    static final long NOW = 1_800_000_000L;
    final SlackSignatureVerifier verifier =
            new SlackSignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Property
    void anyBodyAndTimestampInTheWindowSignedWithTheSecretVerifies(
            @ForAll @Size(max = 4096) byte[] body, @ForAll @IntRange(min = -300, max = 300) int skewSeconds) {
        String timestamp = Long.toString(NOW + skewSeconds);
        String signature = verifier.sign(timestamp, body);

        assertThat(verifier.verify(timestamp, signature, body)).isEqualTo(Outcome.VALID);
    }

    @Property
    void anySingleByteChangeToTheBodyFails(@ForAll("signedRequests") Signed request,
                                           @ForAll int position, @ForAll byte delta) {
        byte[] body = request.body().clone();
        if (body.length == 0) {
            body = new byte[] {delta};
        } else {
            int at = Math.floorMod(position, body.length);
            body[at] = (byte) (body[at] + (delta == 0 ? 1 : delta));
        }

        assertThat(verifier.verify(request.timestamp(), request.signature(), body)).isNotEqualTo(Outcome.VALID);
    }

    @Property
    void anySingleByteChangeToTheTimestampFails(@ForAll("signedRequests") Signed request,
                                                @ForAll int position, @ForAll char replacement) {
        char[] timestamp = request.timestamp().toCharArray();
        int at = Math.floorMod(position, timestamp.length);
        timestamp[at] = replacement == timestamp[at] ? (char) (replacement + 1) : replacement;

        assertThat(verifier.verify(new String(timestamp), request.signature(), request.body())).isNotEqualTo(Outcome.VALID);
    }

    @Property
    void anySingleByteChangeToTheSignatureFails(@ForAll("signedRequests") Signed request,
                                                @ForAll int position, @ForAll char replacement) {
        char[] signature = request.signature().toCharArray();
        int at = Math.floorMod(position, signature.length);
        signature[at] = replacement == signature[at] ? (char) (replacement + 1) : replacement;

        assertThat(verifier.verify(request.timestamp(), new String(signature), request.body())).isNotEqualTo(Outcome.VALID);
    }

    @Property
    void aTruncatedOrExtendedSignatureFails(@ForAll("signedRequests") Signed request, @ForAll @IntRange(min = 1, max = 66) int cut,
                                            @ForAll char extra) {
        String signature = request.signature();

        assertThat(verifier.verify(request.timestamp(), signature.substring(0, signature.length() - cut), request.body()))
                .isNotEqualTo(Outcome.VALID);
        assertThat(verifier.verify(request.timestamp(), signature + extra, request.body())).isNotEqualTo(Outcome.VALID);
    }

    @Property(tries = 2000)
    void arbitraryGarbageIsRejectedNeverThrown(@ForAll String timestamp, @ForAll String signature, @ForAll byte[] body) {
        Outcome outcome = verifier.verify(timestamp, signature, body);

        assertThat(outcome).isNotEqualTo(Outcome.VALID);
    }

    @Property
    void garbageWithMissingPartsIsRejectedNeverThrown(@ForAll("maybeMissing") String timestamp,
                                                      @ForAll("maybeMissing") String signature) {
        assertThat(verifier.verify(timestamp, signature, null)).isEqualTo(Outcome.MISSING_HEADERS);
        assertThat(verifier.verify(timestamp, signature, new byte[0])).isNotEqualTo(Outcome.VALID);
    }

    @Provide
    Arbitrary<Signed> signedRequests() {
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2048),
                Arbitraries.strings().ofMaxLength(512).map(json -> ("payload=" + json).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Integer> skews = Arbitraries.integers().between(-300, 300);
        return Combinators.combine(bodies, skews).as((body, skew) -> {
            String timestamp = Long.toString(NOW + skew);
            return new Signed(timestamp, verifier.sign(timestamp, body), body);
        });
    }

    @Provide
    Arbitrary<String> maybeMissing() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings(),
                Arbitraries.strings().withChars("v0=0123456789abcdef").ofMinLength(60).ofMaxLength(70));
    }

    record Signed(String timestamp, String signature, byte[] body) {
        @Override
        public String toString() {
            return "Signed[" + timestamp + ", " + signature + ", " + Arrays.toString(body) + "]";
        }
    }
}
