package io.switchboard.sandbox.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a Graph collection: {@code value}, and {@code @odata.nextLink} (this request's URL with an
 * opaque {@code $skiptoken}) while more remain. The page size is {@code $top} if the client sent it, else
 * {@code sandbox.microsoft.page-size}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GraphPage<T>(
        @JsonProperty("@odata.context") String context,
        @JsonProperty("@odata.nextLink") String nextLink,
        List<T> value) {

    private static final int MAX_TOP = 999;
    private static final String SKIP_TOKEN = "$skiptoken";

    static <T> GraphPage<T> of(String context, List<T> all, HttpServletRequest request, int defaultPageSize) {
        int size = top(request.getParameter("$top"), defaultPageSize);
        int offset = offset(request.getParameter(SKIP_TOKEN), all.size());
        int end = Math.min(all.size(), offset + size);
        String nextLink = end < all.size() ? nextLink(request, end) : null;
        return new GraphPage<>(context, nextLink, List.copyOf(all.subList(offset, end)));
    }

    private static int top(String raw, int defaultPageSize) {
        if (raw == null) {
            return defaultPageSize;
        }
        try {
            int top = Integer.parseInt(raw.trim());
            if (top > 0 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below, as Graph does for a $top it cannot read
        }
        throw GraphApiException.badRequest("Invalid page size specified: '" + raw + "'. Must be between 1 and " + MAX_TOP
                + " inclusive.");
    }

    private static int offset(String skipToken, int size) {
        if (skipToken == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.US_ASCII));
            if (offset >= 0 && offset <= size) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // a token the sandbox did not issue; answered below
        }
        throw GraphApiException.badRequest("The $skiptoken '" + skipToken + "' is not valid.");
    }

    private static String nextLink(HttpServletRequest request, int offset) {
        StringBuilder query = new StringBuilder();
        String raw = request.getQueryString();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("$skiptoken=") && !pair.startsWith("%24skiptoken=")) {
                    query.append(pair).append('&');
                }
            }
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
        return request.getRequestURL() + "?" + query + SKIP_TOKEN + "=" + token;
    }
}
