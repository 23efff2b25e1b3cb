package io.switchboard.sandbox.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hides secrets before anything is recorded, shown or logged: a token keeps its kind and last four
 * characters ({@code Bearer xoxb-…a1b2}), enough to tell two tokens apart and useless to anyone reading.
 */
public final class SecretMasking {

    static final String ELLIPSIS = "…";

    /** Request fields that carry credentials in the providers' OAuth and Web APIs. */
    private static final Set<String> SECRET_FIELDS = Set.of(
            "token", "access_token", "refresh_token", "id_token", "client_secret", "client_assertion",
            "assertion", "code", "code_verifier", "password");

    /** The last characters are shown only when at least this many stay hidden. */
    private static final int MIN_HIDDEN = 8;
    private static final int SHOWN = 4;

    private SecretMasking() {
    }

    /** {@code Bearer xoxb-…a1b2}; other schemes (Basic's base64 holds the password) keep only their name. */
    public static String maskAuthorization(String header) {
        if (header == null || header.isBlank()) {
            return header;
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return maskToken(trimmed);
        }
        String scheme = trimmed.substring(0, space);
        if (scheme.equalsIgnoreCase("bearer")) {
            return scheme + " " + maskToken(trimmed.substring(space + 1).trim());
        }
        return scheme + " " + ELLIPSIS;
    }

    /** {@code xoxb-…a1b2}: the kind prefix of a Slack-style token, then the last four characters if the token is long. */
    public static String maskToken(String token) {
        if (token == null || token.isEmpty()) {
            return token;
        }
        String prefix = kindPrefix(token);
        String rest = token.substring(prefix.length());
        String tail = rest.length() >= MIN_HIDDEN + SHOWN ? rest.substring(rest.length() - SHOWN) : "";
        return prefix + ELLIPSIS + tail;
    }

    public static boolean isSecretField(String name) {
        return name != null && SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A copy of request parameters with secret values masked. */
    public static Map<String, List<String>> maskParameters(Map<String, List<String>> parameters) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        parameters.forEach((name, values) -> masked.put(name,
                isSecretField(name) ? values.stream().map(SecretMasking::maskToken).toList() : List.copyOf(values)));
        return masked;
    }

    /** A copy of a JSON body with secret fields masked at any depth. */
    public static JsonNode maskJson(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode copy = json.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (isSecretField(field.getKey()) && field.getValue().isString()) {
                    object.put(field.getKey(), maskToken(field.getValue().asString()));
                } else {
                    maskInPlace(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SecretMasking::maskInPlace);
        }
    }

    /** {@code xoxb-}, {@code xoxe.xoxp-}, {@code xapp-}: the part of a token that names its kind, not its value. */
    private static String kindPrefix(String token) {
        int dash = token.indexOf('-');
        if (dash < 3 || dash > 10) {
            return "";
        }
        for (int i = 0; i < dash; i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '.') {
                return "";
            }
        }
        return token.substring(0, dash + 1);
    }
}
