package io.switchboard.contracts.register;

/** Where a staff user marked an entry as actioned: in the app, or with the button on a shared chat message. */
public enum ActionedVia {
    APP,
    SLACK
}
