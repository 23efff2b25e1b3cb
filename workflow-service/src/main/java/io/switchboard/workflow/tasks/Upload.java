package io.switchboard.workflow.tasks;

import java.io.IOException;
import java.io.InputStream;

/** A file as received, before the {@link UploadPolicy} accepted it; the content can be opened more than once. */
public record Upload(String originalName, String contentType, long size, Content content) {

    /** Opens the uploaded bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
