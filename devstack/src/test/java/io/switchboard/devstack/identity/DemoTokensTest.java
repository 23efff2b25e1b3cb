package io.switchboard.devstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    static Path keys;

    @TempDir
    Path directory;

    /** Generating an RSA key takes seconds on a small machine; one serves the tests that only sign. */
    private static RSAKey key() {
        return SigningKeys.loadOrCreate(keys.resolve("key.json"));
    }

    @Test
    void keepsTheSigningKeyAcrossRestartsAndShowsItToNobodyElse() throws IOException {
        Path file = directory.resolve("identity/signing-key.json");

        RSAKey first = SigningKeys.loadOrCreate(file);
        RSAKey again = SigningKeys.loadOrCreate(file);

        assertThat(again).isEqualTo(first);
        assertThat(again.isPrivate()).isTrue();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void mintsTwelveHourTokensWithTheDemoUsersClaims() throws ParseException, JOSEException {
        RSAKey key = key();
        DemoUser sam = DemoUsers.load().byEmail("sam@harbour.example").orElseThrow();

        SignedJWT token = SignedJWT.parse(new DemoTokens(key, "http://localhost:9000", Duration.ofHours(12),
                Clock.fixed(NOW, ZoneOffset.UTC)).mint(sam));

        assertThat(token.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        Map<String, Object> claims = token.getJWTClaimsSet().getClaims();
        assertThat(claims)
                .containsEntry("iss", "http://localhost:9000")
                .containsEntry("sub", "a0000000-0000-4000-8000-000000000002")
                .containsEntry("practice_id", "11111111-1111-4111-8111-111111111111")
                .containsEntry("role", "STAFF")
                .containsEntry("email", "sam@harbour.example")
                .containsEntry("name", "Sam Patel");
        assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    }

    @Test
    void writesOneOwnerOnlyTokenFilePerUser() throws IOException {
        RSAKey key = key();
        DemoUsers users = DemoUsers.load();

        Map<DemoUser, Path> files = new DemoTokens(key, "http://localhost:9000", Duration.ofHours(12), Clock.systemUTC())
                .writeAll(users.all(), directory.resolve("tokens"));

        assertThat(files).hasSize(4);
        Path alex = directory.resolve("tokens/alex@harbour.example.jwt");
        assertThat(files.values()).contains(alex);
        assertThat(Files.readString(alex).trim().split("\\.")).hasSize(3);
        assertThat(Files.getPosixFilePermissions(alex)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
