package io.switchboard.notifier.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.notifier.NotifierProperties;

/**
 * Token buckets per pacing key (a Slack or Teams channel, a mailbox) and per workspace (Slack) or tenant (Teams), plus "blocked until" marks from a
 * provider's Retry-After. A 429 blocks only the key or workspace it names; every other target keeps flowing.
 * In memory per instance: with N slack instances configure each for 1/N of the workspace budget.
 */
@Component
public class Pacer {

    private final NotifierProperties.Pacing pacing;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();

    public Pacer(NotifierProperties properties) {
        this.pacing = properties.pacing();
    }

    /** Takes one token from the key's and the workspace's buckets, or none when either is empty or blocked. */
    public synchronized boolean tryAcquire(NotificationChannel channel, String key, String workspaceKey) {
        long now = System.nanoTime();
        if (blocked(key, now) || blocked(workspaceKey, now)) {
            return false;
        }
        Bucket target = buckets.computeIfAbsent(key, k -> switch (channel) {
            case SLACK -> new Bucket(pacing.slackChannelRate(), pacing.slackChannelBurst());
            case TEAMS -> new Bucket(pacing.teamsChannelRate(), pacing.teamsChannelBurst());
            default -> key.startsWith(Targets.GMAIL_PREFIX) ? new Bucket(pacing.gmailUserRate(), pacing.gmailUserBurst())
                    : new Bucket(pacing.emailRate(), Math.max(1, (int) pacing.emailRate()));
        });
        Bucket workspace = buckets.computeIfAbsent("ws|" + workspaceKey, k -> switch (channel) {
            case SLACK -> new Bucket(pacing.slackWorkspaceRate(), pacing.slackWorkspaceBurst());
            case TEAMS -> new Bucket(pacing.teamsTenantRate(), pacing.teamsTenantBurst());
            default -> new Bucket(pacing.emailRate() * 10, Math.max(1, (int) pacing.emailRate() * 10));
        });
        target.refill(now);
        workspace.refill(now);
        if (target.tokens < 1 || workspace.tokens < 1) {
            return false;
        }
        target.tokens -= 1;
        workspace.tokens -= 1;
        return true;
    }

    public void block(String key, Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        blockedUntil.merge(key, until, Math::max);
    }

    private boolean blocked(String key, long now) {
        Long until = blockedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (until - now <= 0) {
            blockedUntil.remove(key, until);
            return false;
        }
        return true;
    }

    private static final class Bucket {
        final double ratePerNano;
        final double capacity;
        double tokens;
        long last = System.nanoTime();

        Bucket(double perSecond, int burst) {
            this.ratePerNano = perSecond / 1e9;
            this.capacity = burst;
            this.tokens = burst;
        }

        void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
            last = now;
        }
    }
}
