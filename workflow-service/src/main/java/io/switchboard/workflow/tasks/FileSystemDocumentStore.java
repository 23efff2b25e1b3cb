package io.switchboard.workflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A {@link DocumentStore} on a local or mounted file system: uploads under
 * {@code <base>/<practice>/uploads/<document id>}, filed documents under
 * {@code <base>/<practice>/clients/<client>/<folder…>/<filename>} (prefixed with the document id when
 * the name is taken). Every key is resolved against the base directory and refused if it leaves it.
 */
public class FileSystemDocumentStore implements DocumentStore {

    private final Path base;

    public FileSystemDocumentStore(Path base) throws IOException {
        this.base = Files.createDirectories(base).toRealPath();
    }

    @Override
    public Stored put(UUID practiceId, UUID documentId, InputStream content, long maxBytes) throws IOException {
        String key = practiceId + "/uploads/" + documentId;
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(documentId + ".partial");
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(content, sha256); OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Stored(key, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public String file(String key, UUID practiceId, UUID clientId, String folder, UUID documentId, String filename)
            throws IOException {
        String normalised = TaskFolders.normalise(folder);
        if (normalised == null) {
            throw new IllegalArgumentException("not a folder path: " + folder);
        }
        String directory = practiceId + "/clients/" + clientId + "/" + normalised;
        Files.createDirectories(resolve(directory));
        String filedKey = directory + "/" + filename;
        try {
            Files.copy(resolve(key), resolve(filedKey));
        } catch (FileAlreadyExistsException taken) {
            filedKey = directory + "/" + documentId + "-" + filename;
            Files.copy(resolve(key), resolve(filedKey));
        }
        return filedKey;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new IllegalStateException("could not delete document " + key, e);
        }
    }

    private Path resolve(String key) {
        Path path = base.resolve(key).normalize();
        if (!path.startsWith(base) || path.equals(base)) {
            throw new IllegalArgumentException("document key outside the store: " + key);
        }
        return path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
