package io.switchboard.sandbox.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The SMTP server: {@code sandbox.smtp.port} (0 picks a free one), its bind address, and how many mails are kept. */
@ConfigurationProperties("sandbox.smtp")
public record SmtpProperties(
        @DefaultValue("3025") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("2000") int capacity) {
}
