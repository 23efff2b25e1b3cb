package io.switchboard.sandbox.microsoft;

/** What a token stands for: a user of a tenant who let an app act for them with these (space-separated) scopes. */
public record MicrosoftGrant(String tenantId, String userId, String clientId, String scope) {
}
