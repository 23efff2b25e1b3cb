package io.switchboard.sandbox.slack;

/** A member of a workspace, found by email the way {@code users.lookupByEmail} finds one. */
public record SlackUser(String id, String name, String email, boolean isBot) {
}
