package io.switchboard.sandbox.google;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.google.*}: where Google's OAuth endpoints sit on the sandbox, how long codes and tokens live,
 * how many history records a mailbox keeps (an older {@code startHistoryId} answers 404, as Gmail does), the
 * default page size of lists, and what each Gmail method costs in quota units (the per-user budget itself is
 * the limit {@code sandbox.limits.gmail.quota-units-per-user}).
 */
@ConfigurationProperties("sandbox.google")
public record GoogleProperties(
        @DefaultValue Paths paths,
        @DefaultValue("10m") Duration codeLifetime,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @DefaultValue("1000") int historyRetention,
        @DefaultValue("100") int pageSize,
        @DefaultValue QuotaUnits quotaUnits) {

    public GoogleProperties {
        requirePositive("code-lifetime", codeLifetime);
        requirePositive("access-token-lifetime", accessTokenLifetime);
        if (historyRetention <= 0 || pageSize <= 0) {
            throw new IllegalArgumentException("sandbox.google.history-retention and page-size must be positive, were "
                    + historyRetention + " and " + pageSize);
        }
    }

    /**
     * The OAuth endpoints' paths; Google spreads them over hosts ({@code accounts.google.com/o/oauth2/v2/auth},
     * {@code oauth2.googleapis.com/token|revoke}, {@code www.googleapis.com/oauth2/v3/userinfo}), the sandbox
     * serves them on its one port.
     */
    public record Paths(
            @DefaultValue("/o/oauth2/v2/auth") String authorization,
            @DefaultValue("/token") String token,
            @DefaultValue("/revoke") String revoke,
            @DefaultValue("/oauth2/v3/userinfo") String userinfo) {
    }

    /** Quota units per call, from Google's table (STACK.md's numbers where the two differ: messages.get costs 20). */
    public record QuotaUnits(
            @DefaultValue("100") int messagesSend,
            @DefaultValue("20") int messagesGet,
            @DefaultValue("5") int messagesList,
            @DefaultValue("5") int attachmentsGet,
            @DefaultValue("2") int historyList,
            @DefaultValue("1") int getProfile) {
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("sandbox.google." + name + " must be positive, was " + value);
        }
    }
}
