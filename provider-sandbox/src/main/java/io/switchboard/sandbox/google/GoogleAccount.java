package io.switchboard.sandbox.google;

/** A Google account: its Google user id ({@code sub}), email address and display name. */
public record GoogleAccount(String sub, String email, String displayName) {

    public boolean isKnownAs(String subOrEmail) {
        return subOrEmail != null && (sub.equals(subOrEmail) || email.equalsIgnoreCase(subOrEmail));
    }
}
