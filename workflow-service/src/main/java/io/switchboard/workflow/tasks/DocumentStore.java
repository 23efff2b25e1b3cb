package io.switchboard.workflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Where task documents' bytes live. Documents are stored by a generated id, never by a path the
 * client chose; a completed document upload request files them in its folder of the client's tree.
 * Keys are opaque to callers.
 */
public interface DocumentStore {

    /** What was stored: the key to read it by, its size and SHA-256 (hex). */
    record Stored(String key, long sizeBytes, String sha256) {
    }

    /**
     * Stores an upload under the practice by its generated id, refusing (and keeping nothing) past
     * {@code maxBytes}.
     */
    Stored put(UUID practiceId, UUID documentId, InputStream content, long maxBytes) throws IOException;

    /**
     * Places a stored document in a folder of the client's document tree (a copy; the caller deletes the
     * original once the change is committed) and returns its new key.
     */
    String file(String key, UUID practiceId, UUID clientId, String folder, UUID documentId, String filename)
            throws IOException;

    InputStream open(String key) throws IOException;

    /** Deletes the document under the key; a missing one is not an error. */
    void delete(String key);

    /** Thrown by {@link #put} when the content is larger than allowed. */
    class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("document larger than " + maxBytes + " bytes");
        }
    }
}
