package io.switchboard.sandbox.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.Resettable;

/** The last N mails received over SMTP, oldest first; the only copy the sandbox keeps. */
@Component
public class MailStore implements Resettable {

    private final int capacity;
    private final Deque<ReceivedMail> mails = new ArrayDeque<>();
    private long lastId;

    public MailStore(SmtpProperties properties) {
        if (properties.capacity() <= 0) {
            throw new IllegalArgumentException("sandbox.smtp.capacity must be positive, was " + properties.capacity());
        }
        this.capacity = properties.capacity();
    }

    synchronized ReceivedMail add(ReceivedMail mail) {
        ReceivedMail numbered = mail.withId(++lastId);
        if (mails.size() == capacity) {
            mails.removeFirst();
        }
        mails.addLast(numbered);
        return numbered;
    }

    public synchronized List<ReceivedMail> mails() {
        return List.copyOf(mails);
    }

    @Override
    public synchronized void reset() {
        mails.clear();
    }
}
