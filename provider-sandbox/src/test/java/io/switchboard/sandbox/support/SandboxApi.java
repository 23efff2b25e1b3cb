package io.switchboard.sandbox.support;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import io.switchboard.sandbox.ProviderSandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the sandbox's own HTTP API and page the way a developer's browser or script would, whatever the status. */
public final class SandboxApi {

    private final RestClient http;

    public SandboxApi(ProviderSandbox sandbox) {
        this.http = RestClient.builder().baseUrl(sandbox.baseUrl()).build();
    }

    public ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    public ResponseEntity<String> postJson(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    public ResponseEntity<String> postForm(String path, String form) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    public ResponseEntity<String> putJson(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    public ResponseEntity<String> delete(String path) {
        return http.delete().uri(path).retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    public static JsonNode json(ResponseEntity<String> response) {
        return JsonMapper.shared().readTree(response.getBody());
    }
}
