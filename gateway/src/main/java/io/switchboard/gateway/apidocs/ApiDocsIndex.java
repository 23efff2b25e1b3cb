package io.switchboard.gateway.apidocs;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api-docs}: the OpenAPI documents of every service, each served through the gateway at
 * {@code /api/<service>/v3/api-docs}, listed in Swagger UI's config format ({@code {"urls": [...]}}) so
 * any Swagger UI opened with {@code ?configUrl=/api-docs} shows them all from one place.
 */
public final class ApiDocsIndex {

    public static final String PATH = "/api-docs";

    private ApiDocsIndex() {
    }

    public static RouterFunction<ServerResponse> routes(List<String> services) {
        List<Map<String, String>> urls = services.stream()
                .map(service -> Map.of("name", service, "url", "/api/" + service + "/v3/api-docs"))
                .toList();
        Map<String, Object> index = Map.of("urls", urls);
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(index))
                .build();
    }
}
