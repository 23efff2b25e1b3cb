package io.switchboard.contracts.workflow;

/** What a work task is about, where it decides who else is told: the extra point of contact (W6). */
public enum TaskCategory {
    /** Anything without an extra contact. */
    GENERAL,
    /** Bank statements: the practice's bank-statements contact is the extra contact. */
    BANK_STATEMENTS,
    /** Accounts payable: the practice's accounts-payable contact is the extra contact. */
    ACCOUNTS_PAYABLE
}
