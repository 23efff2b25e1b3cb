package io.switchboard.sandbox.recording;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read up front, so the recorder sees it even when the emulator never reads it
 * (a call refused for its token or its rate), and the emulator still reads it as sent.
 *
 * <p>A form-encoded body is parsed here rather than by the container, which cannot parse a body it no
 * longer holds; {@code getParameter…} answer from the query string and this form as the container would.
 * A multipart body stays raw bytes too: an emulator that needs its parts parses them from the body.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final byte[] body;
    private final Charset charset;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> form;
    private final Map<String, String[]> parameters;

    private BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        this.charset = charsetOf(request);
        this.query = parse(request.getQueryString(), StandardCharsets.UTF_8);
        this.form = isForm() ? parse(new String(body, charset), charset) : Map.of();
        Map<String, List<String>> merged = new LinkedHashMap<>();
        query.forEach((name, values) -> merged.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        form.forEach((name, values) -> merged.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        Map<String, String[]> asArrays = new LinkedHashMap<>();
        merged.forEach((name, values) -> asArrays.put(name, values.toArray(String[]::new)));
        this.parameters = Collections.unmodifiableMap(asArrays);
    }

    static BufferedRequest of(HttpServletRequest request) throws IOException {
        return new BufferedRequest(request, request.getInputStream().readAllBytes());
    }

    Map<String, List<String>> query() {
        return query;
    }

    Map<String, List<String>> form() {
        return form;
    }

    byte[] body() {
        return body;
    }

    Charset charset() {
        return charset;
    }

    boolean isForm() {
        return contentTypeStartsWith(FORM);
    }

    boolean isJson() {
        String contentType = getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("The sandbox reads request bodies synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    private boolean contentTypeStartsWith(String type) {
        String contentType = getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(type);
    }

    private static Charset charsetOf(HttpServletRequest request) {
        String encoding = request.getCharacterEncoding();
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Map<String, List<String>> parse(String encoded, Charset charset) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            parsed.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parsed;
    }

    private static String decode(String value, Charset charset) {
        try {
            return URLDecoder.decode(value, charset);
        } catch (IllegalArgumentException e) {
            // A malformed escape is kept as sent: the recording should show what the client got wrong.
            return value;
        }
    }
}
