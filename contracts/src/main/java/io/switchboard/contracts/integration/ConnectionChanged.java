package io.switchboard.contracts.integration;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A practice- or user-level provider connection changed state. Never carries a token or any other
 * secret: those stay in integration-service's vault (ARCHITECTURE.md).
 *
 * @param practiceId   the tenant
 * @param provider     Slack, Microsoft Teams or Gmail
 * @param scope        practice-wide or one user's
 * @param userId       the user, for {@code USER} scope; {@code null} for {@code PRACTICE}
 * @param status       connected, disconnected or broken
 * @param externalId   the provider side: Slack team id, Microsoft tenant id, Google account email; may be {@code null}
 * @param externalName its display name (workspace or tenant name), may be {@code null}
 * @param statusReason why, for people (e.g. "Slack reported token_revoked"), may be {@code null}
 * @param changedBy    the user who changed it; {@code null} when Switchboard detected it (a revoked token)
 * @param changedAt    when
 */
public record ConnectionChanged(UUID practiceId, Provider provider, ConnectionScope scope, UUID userId,
                                ConnectionStatus status, String externalId, String externalName,
                                String statusReason, UUID changedBy, Instant changedAt) implements EventData {

    public ConnectionChanged {
        Require.present(practiceId, "ConnectionChanged.practiceId");
        Require.present(provider, "ConnectionChanged.provider");
        Require.present(scope, "ConnectionChanged.scope");
        Require.present(status, "ConnectionChanged.status");
        Require.that(scope != ConnectionScope.USER || userId != null,
                "ConnectionChanged.userId is required for USER scope");
        Require.that(scope != ConnectionScope.PRACTICE || userId == null,
                "ConnectionChanged.userId must be null for PRACTICE scope");
        Require.optionalText(externalId, "ConnectionChanged.externalId");
        Require.optionalText(externalName, "ConnectionChanged.externalName");
        Require.optionalText(statusReason, "ConnectionChanged.statusReason");
        Require.present(changedAt, "ConnectionChanged.changedAt");
    }

    /** One connection's changes share a key and so keep their order. */
    @Override
    public String subject() {
        return scope == ConnectionScope.PRACTICE
                ? practiceId + ":" + provider + ":practice"
                : practiceId + ":" + provider + ":user:" + userId;
    }
}
