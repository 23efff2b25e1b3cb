package io.switchboard.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.switchboard.contracts.TopicSpec.Cleanup;

/** The registry of every topic Switchboard publishes to; the AsyncAPI document describes the same set. */
public final class Topics {

    private static final Duration EVENTS = Duration.ofDays(30);
    private static final Duration COMMANDS = Duration.ofDays(7);
    private static final Duration FOREVER = Duration.ofMillis(-1);

    public static final TopicSpec REGISTER_CORRESPONDENCE =
            new TopicSpec("register.correspondence.v1", 6, Cleanup.DELETE, EVENTS);
    public static final TopicSpec REGISTER_CLIENT =
            new TopicSpec("register.client.v1", 6, Cleanup.COMPACT, FOREVER);

    /**
     * Compacted: each connection's (key: practice, provider, user) latest state stays, so a consumer's
     * projection of who is connected can always be rebuilt from the start of the topic.
     */
    public static final TopicSpec INTEGRATION_CONNECTION =
            new TopicSpec("integration.connection.v1", 3, Cleanup.COMPACT, FOREVER);
    public static final TopicSpec INTEGRATION_SETTINGS =
            new TopicSpec("integration.settings.v1", 3, Cleanup.COMPACT, FOREVER);
    public static final TopicSpec DIRECTORY_USER =
            new TopicSpec("directory.user.v1", 3, Cleanup.COMPACT, FOREVER);

    public static final TopicSpec NOTIFY_SLACK = new TopicSpec("notify.slack.v1", 12, Cleanup.DELETE, COMMANDS);
    public static final TopicSpec NOTIFY_TEAMS = new TopicSpec("notify.teams.v1", 12, Cleanup.DELETE, COMMANDS);
    public static final TopicSpec NOTIFY_EMAIL = new TopicSpec("notify.email.v1", 12, Cleanup.DELETE, COMMANDS);
    public static final TopicSpec NOTIFY_INAPP = new TopicSpec("notify.inapp.v1", 6, Cleanup.DELETE, COMMANDS);
    public static final TopicSpec NOTIFICATION_DELIVERY =
            new TopicSpec("notification.delivery.v1", 6, Cleanup.DELETE, EVENTS);

    public static final TopicSpec GMAIL_EMAIL = new TopicSpec("gmail.email.v1", 6, Cleanup.DELETE, EVENTS);

    public static final TopicSpec WORKFLOW_JOB = new TopicSpec("workflow.job.v1", 6, Cleanup.DELETE, EVENTS);
    public static final TopicSpec WORKFLOW_THREAD = new TopicSpec("workflow.thread.v1", 6, Cleanup.DELETE, EVENTS);
    public static final TopicSpec WORKFLOW_TASK = new TopicSpec("workflow.task.v1", 6, Cleanup.DELETE, EVENTS);

    private static final List<TopicSpec> ALL = List.of(
            REGISTER_CORRESPONDENCE, REGISTER_CLIENT,
            INTEGRATION_CONNECTION, INTEGRATION_SETTINGS, DIRECTORY_USER,
            NOTIFY_SLACK, NOTIFY_TEAMS, NOTIFY_EMAIL, NOTIFY_INAPP, NOTIFICATION_DELIVERY,
            GMAIL_EMAIL,
            WORKFLOW_JOB, WORKFLOW_THREAD, WORKFLOW_TASK);

    private Topics() {
    }

    public static List<TopicSpec> all() {
        return ALL;
    }

    public static Optional<TopicSpec> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
