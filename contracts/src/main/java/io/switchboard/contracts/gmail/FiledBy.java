package io.switchboard.contracts.gmail;

/** Who filed an email: a user from the add-on or the register, or the sync's auto-file rule (G5). */
public enum FiledBy {
    USER,
    AUTO
}
