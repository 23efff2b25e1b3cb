package io.switchboard.devstack.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Ready-made access tokens for the demo users, signed with the identity server's own key and carrying
 * the claims its token customizer gives a logged-in user, so a developer can call the API with curl
 * without going through a browser login. They are written to files only the developer can read; no
 * endpoint hands them out.
 */
public final class DemoTokens {

    /** The client a browser login would have used; the tokens look like its tokens. */
    static final String AUDIENCE = "switchboard-web";
    static final List<String> SCOPES = List.of("openid", "profile", "email");

    private final RSAKey key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public DemoTokens(RSAKey key, String issuer, Duration lifetime, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A signed access token for this user. */
    public String mint(DemoUser user) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", SCOPES);
        DemoClaims.of(user).forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token for " + user.email(), e);
        }
    }

    /** Mints a token per user into {@code <directory>/<email>.jwt}, readable by the owner only. */
    public Map<DemoUser, Path> writeAll(List<DemoUser> users, Path directory) {
        Map<DemoUser, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            for (DemoUser user : users) {
                Path file = directory.resolve(user.email() + ".jwt");
                Files.deleteIfExists(file);
                Files.createFile(file);
                SigningKeys.ownerOnly(file);
                Files.writeString(file, mint(user) + "\n", StandardCharsets.UTF_8);
                files.put(user, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo tokens to " + directory, e);
        }
        return files;
    }
}
