package io.switchboard.sandbox.mail;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health is down when the SMTP server is not accepting mail: a sandbox without SMTP fails every email test. */
@Component("smtp")
class SmtpHealthIndicator implements HealthIndicator {

    private final SmtpCapture smtp;

    SmtpHealthIndicator(SmtpCapture smtp) {
        this.smtp = smtp;
    }

    @Override
    public Health health() {
        return smtp.isRunning() ? Health.up().withDetail("port", smtp.port()).build() : Health.down().build();
    }
}
