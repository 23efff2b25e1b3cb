package io.switchboard.sandbox.recording;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.switchboard.sandbox.provider.ProviderEmulator;
import io.switchboard.sandbox.provider.ProviderEmulators;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every call to an emulated provider's paths with the status it was answered with; the sandbox's
 * own API, page and health are not provider calls and are not recorded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RecordingFilter extends OncePerRequestFilter {

    private final ProviderEmulators emulators;
    private final RequestRecorder recorder;
    private final RecordingProperties properties;
    private final JsonMapper jsonMapper;

    RecordingFilter(ProviderEmulators emulators, RequestRecorder recorder, RecordingProperties properties,
            JsonMapper jsonMapper) {
        this.emulators = emulators;
        this.recorder = recorder;
        this.properties = properties;
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<ProviderEmulator> provider = emulators.forPath(path);
        if (provider.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Instant receivedAt = Instant.now();
        BufferedRequest buffered = BufferedRequest.of(request);
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(buffered, response);
            status = response.getStatus();
        } finally {
            recorder.record(recordOf(provider.get().name(), path, buffered, receivedAt, status));
        }
    }

    private RecordedRequest recordOf(String provider, String path, BufferedRequest request, Instant receivedAt, int status) {
        JsonNode json = null;
        String body = null;
        if (!request.isForm() && request.body().length > 0) {
            json = request.isJson() ? parseJson(request.body()) : null;
            body = json == null ? truncate(new String(request.body(), request.charset()), request.charset()) : null;
        }
        return new RecordedRequest(0, provider, request.getMethod(), path,
                SecretMasking.maskParameters(request.query()), SecretMasking.maskParameters(request.form()),
                SecretMasking.maskJson(json), body, headersOf(request), receivedAt, status);
    }

    private Map<String, String> headersOf(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : properties.headers()) {
            String value = request.getHeader(name);
            if (value != null) {
                String key = name.toLowerCase(Locale.ROOT);
                headers.put(key, key.equals(HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT))
                        ? SecretMasking.maskAuthorization(value) : value);
            }
        }
        return headers;
    }

    private JsonNode parseJson(byte[] body) {
        try {
            return jsonMapper.readTree(body);
        } catch (JacksonException e) {
            // Not JSON after all: kept as text, which shows what the client sent.
            return null;
        }
    }

    private String truncate(String text, Charset charset) {
        int max = properties.maxBodyChars();
        if (text.length() <= max) {
            return text;
        }
        int dropped = text.substring(max).getBytes(charset).length;
        return text.substring(0, max) + "…[" + dropped + " more bytes not recorded]";
    }
}
