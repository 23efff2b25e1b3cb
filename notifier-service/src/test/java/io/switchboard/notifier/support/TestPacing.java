package io.switchboard.notifier.support;

/** The scaled-down "1 msg/s per channel" of the tests: the notifier's pacing and the sandbox's limit agree. */
public final class TestPacing {

    public static final int CHANNEL_RATE = 50;
    public static final int CHANNEL_BURST = 5;
    public static final int WORKSPACE_RATE = 400;
    public static final int WORKSPACE_BURST = 50;

    private TestPacing() {
    }
}
