package io.switchboard.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The notifier's settings ({@code switchboard.notifier.*}).
 *
 * @param channels which parts this instance runs: {@code router}, {@code slack}, {@code teams}, {@code email}, {@code inapp}
 *                 (env {@code SWITCHBOARD_NOTIFIER_CHANNELS}); ops scale one channel by running instances with only it
 * @param email    the sender address of notification emails
 * @param pacing   per-target and per-workspace pacing of the workers
 * @param retry    retries of transient failures
 * @param drain    the queue drainer's cadence, batch and worker pool
 * @param inbox    the in-app inbox's live stream (every instance serves the inbox API)
 * @param routing  the correspondence router's intake batch and its per-practice round robin
 */
@ConfigurationProperties("switchboard.notifier")
public record NotifierProperties(List<String> channels, Email email, Pacing pacing, Retry retry, Drain drain,
                                 Inbox inbox, Routing routing) {

    public NotifierProperties {
        channels = channels == null || channels.isEmpty() ? List.of("router", "slack", "teams", "email", "inapp")
                : channels.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        email = email == null ? new Email(null) : email;
        pacing = pacing == null ? new Pacing(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : pacing;
        retry = retry == null ? new Retry(0, null, null) : retry;
        drain = drain == null ? new Drain(null, 0, 0, null) : drain;
        inbox = inbox == null ? new Inbox(null, null) : inbox;
        routing = routing == null ? new Routing(null, 0, 0, 0, 0, null, null, 0) : routing;
    }

    public boolean runs(String channel) {
        return channels.contains(channel);
    }

    public record Email(String from) {
        public Email {
            from = from == null ? "notifications@switchboard.local" : from;
        }
    }

    /**
     * Token buckets: {@code slackChannelRate} messages per second per Slack channel with bursts of
     * {@code slackChannelBurst}; {@code slackWorkspaceRate} per second per workspace; {@code emailRate} per second;
     * {@code teamsChannelRate} per second per Teams channel (Graph: 4 rps per app per team/channel) and
     * {@code teamsTenantRate} per second per practice's Microsoft tenant (Graph: 50 rps per app per tenant);
     * {@code gmailUserRate} per second per user for emails sent as that user (Gmail: 6,000 quota units per user per
     * minute, {@code messages.send} costs 100, so one a second) with bursts of {@code gmailUserBurst}.
     */
    public record Pacing(double slackChannelRate, int slackChannelBurst, double slackWorkspaceRate,
                         int slackWorkspaceBurst, double emailRate, double teamsChannelRate, int teamsChannelBurst,
                         double teamsTenantRate, int teamsTenantBurst, double gmailUserRate, int gmailUserBurst) {
        public Pacing {
            slackChannelRate = slackChannelRate <= 0 ? 1.0 : slackChannelRate;
            slackChannelBurst = slackChannelBurst <= 0 ? 3 : slackChannelBurst;
            slackWorkspaceRate = slackWorkspaceRate <= 0 ? 4.0 : slackWorkspaceRate;
            slackWorkspaceBurst = slackWorkspaceBurst <= 0 ? 20 : slackWorkspaceBurst;
            emailRate = emailRate <= 0 ? 20.0 : emailRate;
            teamsChannelRate = teamsChannelRate <= 0 ? 3.8 : teamsChannelRate;
            teamsChannelBurst = teamsChannelBurst <= 0 ? 1 : teamsChannelBurst;
            teamsTenantRate = teamsTenantRate <= 0 ? 50.0 : teamsTenantRate;
            teamsTenantBurst = teamsTenantBurst <= 0 ? 50 : teamsTenantBurst;
            gmailUserRate = gmailUserRate <= 0 ? 1.0 : gmailUserRate;
            gmailUserBurst = gmailUserBurst <= 0 ? 10 : gmailUserBurst;
        }
    }

    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public Retry {
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(2) : maxBackoff;
        }
    }

    /** @param lease how long a claimed row may stay SENDING before it counts as abandoned by a crashed worker */
    public record Drain(Duration interval, int workers, int batch, Duration lease) {
        public Drain {
            interval = interval == null ? Duration.ofMillis(100) : interval;
            workers = workers <= 0 ? 8 : workers;
            batch = batch <= 0 ? 50 : batch;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
        }
    }

    /**
     * @param heartbeat     how often an open inbox stream gets a comment line, so proxies keep it open
     * @param streamTimeout how long one stream stays open; the browser's EventSource then reconnects
     */
    public record Inbox(Duration heartbeat, Duration streamTimeout) {
        public Inbox {
            heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
            streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        }
    }

    /**
     * The correspondence router (N7): the intake stores up to {@code intakeBatch} events per poll in one transaction;
     * the router then routes at most {@code perPractice} events of one practice before the next practice's turn
     * (oldest waiting practice first, at most {@code practicesPerPass} per round), every {@code interval} or at once
     * after an intake. An event whose routing fails is tried {@code maxAttempts} times, {@code initialBackoff} doubling
     * up to {@code maxBackoff} between tries, then dead-lettered.
     */
    public record Routing(Duration interval, int intakeBatch, int perPractice, int practicesPerPass, int maxAttempts,
                          Duration initialBackoff, Duration maxBackoff, int threads) {
        public Routing {
            threads = threads <= 0 ? 2 : threads;
            interval = interval == null ? Duration.ofMillis(50) : interval;
            intakeBatch = intakeBatch <= 0 ? 500 : intakeBatch;
            perPractice = perPractice <= 0 ? 10 : perPractice;
            practicesPerPass = practicesPerPass <= 0 ? 500 : practicesPerPass;
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        }
    }
}
