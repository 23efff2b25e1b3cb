package io.switchboard.notifier.delivery;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.client.ClientHttpResponse;

import io.switchboard.contracts.notification.DeliveryReason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * integration-service refused to hand out a provider token. Its problem+json names why in a {@code reason}
 * property from {@link DeliveryReason} ({@code PROVIDER_DISCONNECTED}, {@code CONNECTION_NEEDS_REAUTH},
 * {@code USER_NOT_CONNECTED}); the delivery is reported with that reason, so "reconnect" and "never connected" are
 * told apart.
 */
public class ConnectionUnavailable extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeliveryReason reason;

    public ConnectionUnavailable(DeliveryReason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public DeliveryReason reason() {
        return reason;
    }

    /** The problem's {@code reason}, else what the status means (409: broken, 404/410: disconnected). */
    public static ConnectionUnavailable from(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        DeliveryReason fallback = status == 409 ? DeliveryReason.CONNECTION_NEEDS_REAUTH : DeliveryReason.PROVIDER_DISCONNECTED;
        try (InputStream body = response.getBody()) {
            JsonNode problem = JSON.readTree(body.readAllBytes());
            String reason = problem == null ? null : problem.path("reason").asString(null);
            if (reason != null) {
                for (DeliveryReason known : DeliveryReason.values()) {
                    if (known.name().equals(reason)) {
                        return new ConnectionUnavailable(known);
                    }
                }
            }
        } catch (JacksonException | IOException e) {
            // not problem+json: the status decides
        }
        return new ConnectionUnavailable(fallback);
    }

    /** 404, 409 and 410 are answers about the connection; anything else is the service being unwell. */
    public static boolean isConnectionAnswer(int status) {
        return status == 404 || status == 409 || status == 410;
    }
}
