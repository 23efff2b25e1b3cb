package io.switchboard.devstack.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

import org.springframework.util.AntPathMatcher;

/**
 * Decides whether a requested redirect URI is one a client registered. Besides exact matches it accepts
 * Ant-style path patterns ({@code http://localhost:8080/**}), a dev-only convenience so the web app may
 * log in from any of its pages: scheme, host and port must still match exactly, and a pattern never
 * matches a URI with a query or fragment.
 */
public final class RedirectUriPatterns {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private RedirectUriPatterns() {
    }

    public static boolean matchesAny(Collection<String> registered, String requested) {
        if (requested == null || requested.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(requested);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.getRawFragment() != null) {
            return false;
        }
        return registered.stream().anyMatch(candidate -> matches(candidate, requested, uri));
    }

    private static boolean matches(String registered, String requested, URI uri) {
        if (registered.equals(requested)) {
            return true;
        }
        if (!registered.contains("*") || uri.getRawQuery() != null) {
            return false;
        }
        URI pattern = URI.create(registered);
        return lower(pattern.getScheme()).equals(lower(uri.getScheme()))
                && lower(pattern.getHost()).equals(lower(uri.getHost()))
                && pattern.getPort() == uri.getPort()
                && PATHS.match(pathOf(pattern), pathOf(uri));
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String lower(String value) {
        return Objects.toString(value, "").toLowerCase(Locale.ROOT);
    }
}
