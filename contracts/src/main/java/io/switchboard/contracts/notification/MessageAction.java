package io.switchboard.contracts.notification;

import io.switchboard.contracts.common.Require;

/**
 * A button people can press on the message itself, not only a link into the app (Slack Block Kit button; channels
 * without interactivity leave it out). The provider sends {@code actionId} and {@code value} back to
 * integration-service's interactivity endpoint.
 *
 * @param actionId what pressing it does, e.g. {@value #MARK_ACTIONED}
 * @param label    the button text, e.g. "Mark as actioned"
 * @param value    what it acts on, e.g. the entry id
 */
public record MessageAction(String actionId, String label, String value) {

    /** Marks the correspondence entry named by {@code value} as actioned by whoever pressed it. */
    public static final String MARK_ACTIONED = "switchboard.entry.mark_actioned";

    public MessageAction {
        Require.text(actionId, "MessageAction.actionId");
        Require.text(label, "MessageAction.label");
        Require.text(value, "MessageAction.value");
    }

    public static MessageAction markActioned(java.util.UUID entryId) {
        return new MessageAction(MARK_ACTIONED, "Mark as actioned", entryId.toString());
    }
}
