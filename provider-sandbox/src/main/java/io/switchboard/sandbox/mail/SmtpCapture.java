package io.switchboard.sandbox.mail;

import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server (GreenMail) the services send their mail to. It takes any login or none, parses each
 * message once into the {@link MailStore}, and stores nothing in GreenMail's mailboxes, which would grow
 * without bound over a long benchmark.
 */
@Component
public class SmtpCapture implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpCapture.class);

    private final GreenMail greenMail;
    private volatile boolean running;

    SmtpCapture(SmtpProperties properties, MailStore store) {
        ServerSetup setup = new ServerSetup(properties.port(), properties.bindAddress(), ServerSetup.PROTOCOL_SMTP);
        this.greenMail = new GreenMail(setup);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.getUserManager().setMessageDeliveryHandler(new Capturing(store));
    }

    /** The port the server listens on, the chosen one when configured with 0. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
        log.info("SMTP capture listening on {}:{}", greenMail.getSmtp().getBindTo(), port());
    }

    @Override
    public void stop() {
        running = false;
        greenMail.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * GreenMail hands over one message once per envelope recipient, one message at a time: the first
     * hand-over is recorded with all recipients, the rest are the same message.
     */
    private static final class Capturing implements MessageDeliveryHandler {

        private final MailStore store;
        private MovingMessage last;

        Capturing(MailStore store) {
            this.store = store;
        }

        @Override
        public synchronized GreenMailUser handle(MovingMessage message, MailAddress recipient) {
            if (message != last) {
                last = message;
                MimeMessage mime = message.getMessage();
                String envelopeFrom = message.getReturnPath() == null ? null : message.getReturnPath().getEmail();
                List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
                store.add(MailParser.parse(mime, envelopeFrom, recipients, Instant.now()));
            }
            return new DiscardingMailbox(recipient.getEmail());
        }
    }

    /** A recipient whose mailbox keeps nothing: the {@link MailStore} already holds the message. */
    private static final class DiscardingMailbox implements GreenMailUser {

        private final String email;

        DiscardingMailbox(String email) {
            this.email = email;
        }

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void deliver(MovingMessage msg) {
            // Captured by the delivery handler already.
        }

        @Override
        public void deliver(MimeMessage msg) {
            // Captured by the delivery handler already.
        }

        @Override
        public void create() {
            // No mailbox to create.
        }

        @Override
        public void delete() {
            // No mailbox to delete.
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            // No login: the server accepts any.
        }

        @Override
        public void authenticate(String password) {
            // No login: the server accepts any.
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }
}
