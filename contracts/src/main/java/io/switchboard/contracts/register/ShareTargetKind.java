package io.switchboard.contracts.register;

/** How an entry is shared (FEATURES.md R3); the notifier turns each into delivery commands. */
public enum ShareTargetKind {
    /** Whatever the practice's default delivery mode and channel for the register say (P5). */
    USE_PRACTICE_DEFAULT,
    /** An email to directory users and/or one address. */
    EMAIL,
    /** A post to a chat channel: the practice default channel of the provider, or the given one. */
    CHANNEL,
    /** A direct message to one user (a Slack DM). */
    DIRECT_MESSAGE,
    /** A channel post that @mentions users (a Teams mention). */
    MENTION
}
