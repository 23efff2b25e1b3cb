package io.switchboard.sandbox.microsoft;

/** A Microsoft Entra tenant (an organisation's directory): its id and primary domain. */
public record MicrosoftTenant(String tenantId, String domain, String displayName) {
}
