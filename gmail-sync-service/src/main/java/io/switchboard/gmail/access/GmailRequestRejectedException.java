package io.switchboard.gmail.access;

import java.util.List;

import io.switchboard.platform.web.InvalidRequestException;

/** Gmail refused what we asked it to do as malformed (a send without a valid recipient); answered 400. */
public class GmailRequestRejectedException extends InvalidRequestException {

    public GmailRequestRejectedException(String detail) {
        super("Gmail refused the request: " + detail, List.of());
    }
}
