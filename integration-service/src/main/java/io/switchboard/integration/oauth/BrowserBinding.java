package io.switchboard.integration.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Binds an OAuth flow to the browser that started it. Starting a flow (an authorize call, made by the web front end
 * with its credentials) makes sure the browser holds a random binding cookie — HttpOnly, SameSite=Lax, so it goes
 * along on the provider's top-level redirect back — and the flow's state remembers its hash. The callback is
 * honoured only from a browser presenting the same cookie: a user lured into opening someone else's consent link
 * cannot complete that person's flow with their own provider account (OAuth "login CSRF").
 */
@Component
public class BrowserBinding {

    public static final String COOKIE = "switchboard_oauth_binding";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /**
     * The current request's browser binding, set on the response when the browser has none yet.
     *
     * @throws IllegalStateException outside an HTTP request: a flow is only ever started by one
     */
    String bindCurrentBrowser() {
        ServletRequestAttributes attributes = attributes()
                .orElseThrow(() -> new IllegalStateException("an OAuth flow is started by a browser's request"));
        String binding = presented(attributes.getRequest()).orElseGet(this::randomValue);
        HttpServletResponse response = attributes.getResponse();
        if (response != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, binding).httpOnly(true)
                    .secure(https(attributes.getRequest()))
                    .sameSite("Lax").path("/").maxAge(LIFETIME).build().toString());
        }
        return binding;
    }

    /** {@code Secure} when the browser reached us over https: directly, or through the gateway or a proxy that says so. */
    private static boolean https(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /** The binding the current request's browser presents, if any. */
    Optional<String> presented() {
        return attributes().flatMap(a -> presented(a.getRequest()));
    }

    private static Optional<String> presented(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<ServletRequestAttributes> attributes() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? Optional.of(servlet) : Optional.empty();
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
