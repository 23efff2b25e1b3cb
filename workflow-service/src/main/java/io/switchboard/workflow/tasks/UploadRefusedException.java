package io.switchboard.workflow.tasks;

import org.springframework.http.HttpStatus;

/** An upload the {@link UploadPolicy} does not accept: too large (413), of a refused kind (415) or empty (400). */
public class UploadRefusedException extends RuntimeException {

    private final HttpStatus status;

    public UploadRefusedException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
