package io.switchboard.devstack.process;

import java.nio.file.Path;

/** A part of the stack that could not be started or died; says which, why, and where its log is. */
public class StartupFailure extends Exception {

    private final String component;
    private final transient Path logFile;

    public StartupFailure(String component, String message, Path logFile) {
        super(message);
        this.component = component;
        this.logFile = logFile;
    }

    public StartupFailure(String component, String message, Path logFile, Throwable cause) {
        super(message, cause);
        this.component = component;
        this.logFile = logFile;
    }

    public String component() {
        return component;
    }

    /** The log to show the developer, or {@code null} if there is none. */
    public Path logFile() {
        return logFile;
    }
}
