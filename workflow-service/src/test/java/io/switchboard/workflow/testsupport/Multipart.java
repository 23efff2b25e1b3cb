package io.switchboard.workflow.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body as a browser sends file uploads. */
public final class Multipart {

    private record Part(String field, String filename, String contentType, byte[] content) {
    }

    private final String boundary = "----switchboard" + UUID.randomUUID().toString().replace("-", "");
    private final List<Part> parts = new ArrayList<>();

    public Multipart file(String field, String filename, String contentType, byte[] content) {
        parts.add(new Part(field, filename, contentType, content));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.field()
                    + "\"; filename=\"" + part.filename() + "\"\r\nContent-Type: " + part.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
    }
}
