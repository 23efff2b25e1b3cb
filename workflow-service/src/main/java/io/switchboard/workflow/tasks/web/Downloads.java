package io.switchboard.workflow.tasks.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.switchboard.workflow.tasks.Tasks;

/** A task document as an attachment download, served with the type it was accepted as and never sniffed. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<InputStreamResource> of(Tasks.OpenedDocument opened) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(opened.document().contentType()))
                .contentLength(opened.document().sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(opened.document().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(opened.content()));
    }
}
