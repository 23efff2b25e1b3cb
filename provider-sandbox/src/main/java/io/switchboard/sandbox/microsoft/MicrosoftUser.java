package io.switchboard.sandbox.microsoft;

/** A user of a tenant; {@code admin} users may grant admin consent for the whole tenant. */
public record MicrosoftUser(String id, String tenantId, String userPrincipalName, String mail, String displayName,
        boolean admin) {

    /** Whether {@code key} is this user's id, user principal name or mail (the last two without case). */
    public boolean isKnownAs(String key) {
        return key != null && (id.equalsIgnoreCase(key) || userPrincipalName.equalsIgnoreCase(key)
                || (mail != null && mail.equalsIgnoreCase(key)));
    }
}
