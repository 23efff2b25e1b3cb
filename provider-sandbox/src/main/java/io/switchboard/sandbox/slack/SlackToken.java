package io.switchboard.sandbox.slack;

/**
 * What a token the sandbox issued or was seeded with stands for: a bot (xoxb) or a user (xoxp) in a
 * workspace. The token's value is the key it is stored under and is never part of this record.
 */
public record SlackToken(Kind kind, String teamId, String userId, String botId) {

    public enum Kind {
        BOT, USER
    }
}
