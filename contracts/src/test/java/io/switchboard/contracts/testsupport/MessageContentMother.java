package io.switchboard.contracts.testsupport;

import java.util.List;

import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;

/** Builds {@link MessageContent}: the register's phone-message notice, or a bare title. */
public final class MessageContentMother {

    private String title = "Phone message for Sam from Acme Holdings Ltd";
    private String text = "Jo called about the BAS lodgement date and wants to confirm the GST figure.";
    private List<MessageField> fields = List.of(
            new MessageField("Client", "Acme Holdings Ltd"),
            new MessageField("Caller", "Jo Citizen"),
            new MessageField("Phone", "+61 2 5550 1234"),
            new MessageField("Best time", "after 3pm"));
    private String linkUrl = "https://app.switchboard.example/register/entries/" + Ids.ENTRY;
    private String linkLabel = "Record Summary";
    private List<MessageAction> actions = List.of(MessageAction.markActioned(Ids.ENTRY));

    private MessageContentMother() {
    }

    public static MessageContentMother phoneMessage() {
        return new MessageContentMother();
    }

    /** A title and nothing else. */
    public static MessageContentMother minimal() {
        return new MessageContentMother().text(null).fields(List.of()).link(null, null).actions(null);
    }

    public MessageContentMother title(String value) {
        this.title = value;
        return this;
    }

    public MessageContentMother text(String value) {
        this.text = value;
        return this;
    }

    public MessageContentMother fields(List<MessageField> value) {
        this.fields = value;
        return this;
    }

    public MessageContentMother link(String url, String label) {
        this.linkUrl = url;
        this.linkLabel = label;
        return this;
    }

    public MessageContentMother actions(List<MessageAction> value) {
        this.actions = value;
        return this;
    }

    public MessageContent build() {
        return new MessageContent(title, text, fields, linkUrl, linkLabel, actions);
    }
}
