package io.switchboard.workflow.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.switchboard.platform.security.InternalTokens;

/**
 * The {@link CredentialVault} in integration-service, over its internal API with this service's own
 * client-credentials token:
 * {@code POST /internal/practices/{practiceId}/secrets} → {@code 201 {"secretRef": …}} and
 * {@code GET /internal/practices/{practiceId}/secrets/{secretRef}} → {@code 200 {"secretRef", "username", "secret"}},
 * the reader named in {@code X-Switchboard-Actor}. Errors say which call failed, never what was sent.
 */
public class HttpCredentialVault implements CredentialVault {

    /** The header naming the user on whose behalf a secret is read, for the vault's own audit. */
    public static final String ACTOR = "X-Switchboard-Actor";

    private record Created(String secretRef) {
    }

    private final RestClient http;

    public HttpCredentialVault(RestClient.Builder builder, InternalTokens tokens, String baseUrl) {
        this.http = builder.clone().baseUrl(baseUrl).requestInterceptor(tokens.interceptor()).build();
    }

    @Override
    public String store(UUID practiceId, SecretToStore secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", secret.clientId());
        body.put("taskId", secret.taskId());
        body.put("label", secret.label());
        body.put("username", secret.username());
        body.put("secret", secret.secret());
        body.put("submittedBy", secret.submittedBy());
        Created created;
        try {
            created = http.post().uri("/internal/practices/{practiceId}/secrets", practiceId)
                    .body(body).retrieve().body(Created.class);
        } catch (RestClientException e) {
            throw new Unavailable("the credential vault did not store the secret (" + e.getClass().getSimpleName() + ")");
        }
        if (created == null || created.secretRef() == null || created.secretRef().isBlank()) {
            throw new Unavailable("the credential vault returned no secretRef");
        }
        return created.secretRef();
    }

    @Override
    public StoredSecret read(UUID practiceId, String secretRef, UUID readBy) {
        StoredSecret stored;
        try {
            stored = http.get().uri("/internal/practices/{practiceId}/secrets/{ref}", practiceId, secretRef)
                    .header(ACTOR, readBy.toString()).retrieve().body(StoredSecret.class);
        } catch (RestClientException e) {
            throw new Unavailable("the credential vault did not return the secret (" + e.getClass().getSimpleName() + ")");
        }
        if (stored == null || stored.secret() == null) {
            throw new Unavailable("the credential vault returned no secret");
        }
        return stored;
    }
}
