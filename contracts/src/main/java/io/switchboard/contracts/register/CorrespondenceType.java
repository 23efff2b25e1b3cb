package io.switchboard.contracts.register;

/** The kinds of entry in the correspondence register (FEATURES.md R2). */
public enum CorrespondenceType {
    PHONE_MESSAGE,
    MEETING_NOTE,
    FILE_NOTE,
    EMAIL_IN,
    EMAIL_OUT
}
