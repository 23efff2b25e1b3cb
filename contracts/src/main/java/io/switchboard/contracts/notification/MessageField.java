package io.switchboard.contracts.notification;

import io.switchboard.contracts.common.Require;

/**
 * One labelled essential of a message ("Client: Acme Ltd"); Slack renders these as block fields,
 * Teams as fact set entries, email as a table row.
 */
public record MessageField(String label, String value) {

    public MessageField {
        Require.text(label, "MessageField.label");
        Require.text(value, "MessageField.value");
    }
}
