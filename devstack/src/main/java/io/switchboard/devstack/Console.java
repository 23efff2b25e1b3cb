package io.switchboard.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The launcher's progress lines on the developer's terminal. */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    synchronized void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    synchronized void blank() {
        out.println();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
