package io.switchboard.sandbox.slack;

/**
 * What the app's interactivity Request URL answered to a {@code block_actions} request: status, content type
 * (null if none) and body. {@code payload} is the JSON the sandbox sent (form field {@code payload}).
 */
public record InteractionDelivery(String requestUrl, int status, String contentType, String body, String payload) {
}
