package io.switchboard.contracts.integration;

/** A part of Switchboard that sends notifications and has its own defaults (FEATURES.md P5). */
public enum Tool {
    REGISTER,
    WORKFLOW,
    TASKS
}
