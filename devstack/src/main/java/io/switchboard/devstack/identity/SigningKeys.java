package io.switchboard.devstack.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The identity server's RSA signing key, made once and kept in a file so tokens stay valid across
 * restarts, and so the launcher can sign the demo users' tokens with the very key the JWKS publishes.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /** The key in {@code file} (a private JWK), made and saved first if there is none. */
    public static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            save(key, file);
            // Whoever saved first wins, so every process signs with the key that ends up on disk.
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the signing key " + file, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }

    private static RSAKey load(Path file) throws IOException {
        try {
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "the signing key " + file + " is not an RSA JWK; delete it to make a new one", e);
        }
    }

    private static void save(RSAKey key, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "signing-key", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
            // A hard link appears whole or not at all and never replaces a key another process saved.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // Another process saved its key first; that one is used.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The private key is a secret: readable by its owner only, where the file system can say so. */
    static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
