package io.switchboard.sandbox.provider;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/** Reads the token a client presents, the way the providers' APIs accept it. */
public final class BearerTokens {

    private static final String BEARER = "bearer ";

    private BearerTokens() {
    }

    /** The token of an {@code Authorization: Bearer …} header; empty when absent, blank or of another scheme. */
    public static Optional<String> fromAuthorization(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /**
     * The bearer token, else a {@code token} request parameter (query or form), which Slack's Web API
     * still accepts.
     */
    public static Optional<String> fromAuthorizationOrParameter(HttpServletRequest request, String parameter) {
        return fromAuthorization(request).or(() -> {
            String value = request.getParameter(parameter);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        });
    }
}
