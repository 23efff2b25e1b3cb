package io.switchboard.register.correspondence;

import java.util.List;

import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;

/**
 * Where an email entry came from (G1): the Gmail message, whose mailbox, who it was between, and whether a
 * person filed it or sync did.
 */
public record FiledEmail(String gmailMessageId, String gmailThreadId, String mailbox, EmailDirection direction,
                         EmailAddress from, List<EmailAddress> to, List<EmailAddress> cc, FiledBy filedBy) {
}
