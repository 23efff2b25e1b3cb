package io.switchboard.contracts.workflow;

/** Which side of a client chat thread wrote a message. */
public enum ThreadParty {
    /** The practice: a staff user, or an automation acting for it. */
    PRACTICE,
    /** One of the client's portal users. */
    CLIENT
}
