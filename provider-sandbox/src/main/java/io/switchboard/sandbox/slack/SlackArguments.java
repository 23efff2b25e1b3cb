package io.switchboard.sandbox.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A write method's arguments as Slack accepts them: the query string and a form-encoded body, or a JSON body
 * ({@code application/json}, token in the {@code Authorization} header), where {@code blocks} is an array
 * rather than a URL-encoded JSON string.
 */
final class SlackArguments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServletRequest request;
    private final JsonNode json;

    private SlackArguments(HttpServletRequest request, JsonNode json) {
        this.request = request;
        this.json = json;
    }

    static SlackArguments of(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new SlackArguments(request, null);
        }
        try {
            byte[] body = request.getInputStream().readAllBytes();
            JsonNode json = body.length == 0 ? null : JSON.readTree(body);
            if (json != null && !json.isObject()) {
                throw new SlackApiError("invalid_json");
            }
            return new SlackArguments(request, json);
        } catch (JacksonException e) {
            throw new SlackApiError("invalid_json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string argument; in JSON a number or boolean counts as its text. Null when absent. */
    String text(String name) {
        String fromQuery = request.getParameter(name);
        if (json == null || fromQuery != null) {
            return fromQuery;
        }
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** Whether the call sent {@code blocks} at all (an empty array counts: on update it removes the blocks). */
    boolean hasBlocks() {
        return json != null && json.has("blocks") && !json.get("blocks").isNull() || request.getParameter("blocks") != null;
    }

    /** The checked blocks, with ids filled in; null when none were sent or the array is empty. */
    ArrayNode blocks() {
        ArrayNode blocks;
        JsonNode value = json == null ? null : json.get("blocks");
        if (value != null && !value.isNull() && !value.isString()) {
            blocks = BlockKit.normalise(value);
        } else {
            blocks = BlockKit.parse(value != null && value.isString() ? value.asString() : request.getParameter("blocks"));
        }
        return blocks == null || blocks.isEmpty() ? null : blocks;
    }
}
