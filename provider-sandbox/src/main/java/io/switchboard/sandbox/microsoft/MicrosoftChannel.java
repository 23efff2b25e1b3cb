package io.switchboard.sandbox.microsoft;

/** A standard channel of a team; ids look like Teams', {@code 19:…@thread.tacv2}. */
public record MicrosoftChannel(String id, String teamId, String displayName) {
}
