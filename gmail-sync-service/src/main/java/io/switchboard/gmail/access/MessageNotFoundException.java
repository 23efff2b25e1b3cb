package io.switchboard.gmail.access;

import io.switchboard.platform.web.NotFoundException;

/** Gmail has no such message (or attachment) in the mailbox. */
public class MessageNotFoundException extends NotFoundException {

    public MessageNotFoundException(String what, String id) {
        super(what, id);
    }
}
