package io.switchboard.sandbox.recording;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One call a client made to an emulated provider, as the sandbox received and answered it, with secrets
 * masked. {@code form} holds a form-encoded body, {@code json} a JSON one, {@code body} any other as text.
 * Header names are lower case.
 */
public record RecordedRequest(
        long id,
        String provider,
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> form,
        JsonNode json,
        String body,
        Map<String, String> headers,
        Instant receivedAt,
        int status) {

    public RecordedRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The first value of a form field, or null. */
    public String formValue(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, or null. */
    public String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A recorded header by name in any case, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    RecordedRequest withId(long newId) {
        return new RecordedRequest(newId, provider, method, path, query, form, json, body, headers, receivedAt, status);
    }
}
