package io.switchboard.gmail.sync;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;

import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.gmail.access.Connections;
import io.switchboard.gmail.access.GmailAccess;
import io.switchboard.gmail.access.GmailReason;
import io.switchboard.gmail.access.GmailUnavailableException;
import io.switchboard.gmail.access.MessageNotFoundException;
import io.switchboard.gmail.access.UserToken;
import io.switchboard.gmail.assignments.Assignments;
import io.switchboard.gmail.assignments.MessageParser;
import io.switchboard.gmail.assignments.ParsedEmail;
import io.switchboard.gmail.clients.ClientDirectory;
import io.switchboard.platform.security.TenantJdbc;

/**
 * The opt-in sync (G5) by polling: for each connected user whose token carries {@code gmail.readonly},
 * one at a time and a bounded number per run, reads {@code users.history.list} from the stored history
 * id (the first run only takes the mailbox's current id as the starting point) and turns new mail from
 * a known client contact into a proposal, or files it when the practice's {@code autoFile} is on. A
 * stale history id (404) re-syncs the last days' mail with {@code messages.list}; a 429 or failure backs
 * off exponentially for that user only. Production would rather use {@code users.watch} with Pub/Sub
 * push (see the README); the per-user state here is what both need.
 */
@Component
public class SyncPoller {

    /** What one user's poll did. */
    public enum Outcome { STARTED, POLLED, RESYNCED, NOT_OPTED_IN, NOT_AVAILABLE, BACKING_OFF, FAILED }

    private static final Logger log = LoggerFactory.getLogger(SyncPoller.class);

    private record State(Long historyId, int failures) {
    }

    private final Connections connections;
    private final GmailAccess gmail;
    private final ClientDirectory directory;
    private final Assignments assignments;
    private final Proposals proposals;
    private final FilingSettings settings;
    private final SyncProperties properties;
    private final TenantJdbc jdbc;

    SyncPoller(Connections connections, GmailAccess gmail, ClientDirectory directory, Assignments assignments,
               Proposals proposals, FilingSettings settings, SyncProperties properties, TenantJdbc jdbc) {
        this.connections = connections;
        this.gmail = gmail;
        this.directory = directory;
        this.assignments = assignments;
        this.proposals = proposals;
        this.settings = settings;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${switchboard.gmail.sync.interval:30s}",
            initialDelayString = "${switchboard.gmail.sync.initial-delay:${switchboard.gmail.sync.interval:30s}}")
    void scheduled() {
        if (properties.enabled()) {
            runOnce();
        }
    }

    /** Polls the users that are due, at most {@code users-per-run}; returns how many were polled. */
    public synchronized int runOnce() {
        Instant now = Instant.now();
        int polled = 0;
        for (Connections.ConnectedUser user : connections.connectedUsers()) {
            if (polled >= properties.usersPerRun()) {
                break;
            }
            if (isDue(user.practiceId(), user.userId(), now)) {
                poll(user.practiceId(), user.userId());
                polled++;
            }
        }
        return polled;
    }

    /** Polls one user's mailbox now, whether due or not. */
    public synchronized Outcome poll(UUID practiceId, UUID userId) {
        State state = state(practiceId, userId).orElse(new State(null, 0));
        try {
            UserToken token = gmail.token(practiceId, userId);
            if (!token.allows(UserToken.READONLY)) {
                return done(practiceId, userId, state.historyId(), Outcome.NOT_OPTED_IN);
            }
            if (state.historyId() == null) {
                return done(practiceId, userId, currentHistoryId(practiceId, userId), Outcome.STARTED);
            }
            try {
                return done(practiceId, userId, history(practiceId, userId, state.historyId()), Outcome.POLLED);
            } catch (MessageNotFoundException staleHistoryId) {
                return done(practiceId, userId, resync(practiceId, userId), Outcome.RESYNCED);
            }
        } catch (GmailUnavailableException e) {
            if (e.reason() == GmailReason.GMAIL_RATE_LIMITED || e.reason() == GmailReason.GMAIL_UNAVAILABLE) {
                return backOff(practiceId, userId, state, e.retryAfter(), Outcome.BACKING_OFF);
            }
            return done(practiceId, userId, state.historyId(), Outcome.NOT_AVAILABLE);
        } catch (RuntimeException e) {
            log.warn("Gmail sync of a mailbox failed: {}", e.getClass().getSimpleName());
            return backOff(practiceId, userId, state, null, Outcome.FAILED);
        }
    }

    private long currentHistoryId(UUID practiceId, UUID userId) {
        return gmail.call(practiceId, userId, g -> g.users().getProfile("me").execute()).getHistoryId().longValue();
    }

    /** Reads the history after {@code start}; returns the id to continue from. */
    private long history(UUID practiceId, UUID userId, long start) {
        Set<String> added = new LinkedHashSet<>();
        long continueFrom = start;
        String pageToken = null;
        boolean complete = false;
        while (added.size() < properties.messagesPerUser()) {
            String page = pageToken;
            ListHistoryResponse response = gmail.call(practiceId, userId, g -> g.users().history().list("me")
                    .setStartHistoryId(BigInteger.valueOf(start)).setHistoryTypes(List.of("messageAdded"))
                    .setMaxResults((long) properties.messagesPerUser()).setPageToken(page).execute());
            List<History> records = response.getHistory() == null ? List.of() : response.getHistory();
            boolean stoppedEarly = false;
            for (History record : records) {
                if (added.size() >= properties.messagesPerUser()) {
                    stoppedEarly = true;
                    break;
                }
                if (record.getMessagesAdded() != null) {
                    for (HistoryMessageAdded message : record.getMessagesAdded()) {
                        if (message.getMessage() != null && message.getMessage().getId() != null) {
                            added.add(message.getMessage().getId());
                        }
                    }
                }
                continueFrom = Math.max(continueFrom, record.getId().longValue());
            }
            pageToken = response.getNextPageToken();
            if (!stoppedEarly && pageToken == null) {
                if (response.getHistoryId() != null) {
                    continueFrom = Math.max(continueFrom, response.getHistoryId().longValue());
                }
                complete = true;
                break;
            }
            if (stoppedEarly) {
                break;
            }
        }
        if (!complete) {
            log.info("Gmail sync read {} new messages of a mailbox; the rest next run", added.size());
        }
        for (String messageId : added) {
            consider(practiceId, userId, messageId);
        }
        return continueFrom;
    }

    /** The stored history id is too old: look at the last days' mail again and start from the current id. */
    private long resync(UUID practiceId, UUID userId) {
        long restartFrom = currentHistoryId(practiceId, userId);
        Instant since = Instant.now().minus(Duration.ofDays(properties.resyncDays()));
        int seen = 0;
        String pageToken = null;
        outer:
        do {
            String page = pageToken;
            ListMessagesResponse response = gmail.call(practiceId, userId, g -> g.users().messages().list("me")
                    .setMaxResults((long) Math.min(100, properties.messagesPerUser())).setPageToken(page).execute());
            List<Message> messages = response.getMessages() == null ? List.of() : response.getMessages();
            for (Message listed : messages) {
                if (seen++ >= properties.messagesPerUser()) {
                    break outer;
                }
                if (!consider(practiceId, userId, listed.getId(), since)) {
                    break outer; // newest first: everything after this one is older still
                }
            }
            pageToken = response.getNextPageToken();
        } while (pageToken != null);
        return restartFrom;
    }

    private void consider(UUID practiceId, UUID userId, String messageId) {
        consider(practiceId, userId, messageId, null);
    }

    /**
     * Proposes or files a new message from a known client contact.
     *
     * @return {@code false} when the message is older than {@code since} (the re-sync stops there)
     */
    private boolean consider(UUID practiceId, UUID userId, String messageId, Instant since) {
        Message message;
        try {
            message = gmail.call(practiceId, userId, g -> g.users().messages().get("me", messageId)
                    .setFormat("metadata").setMetadataHeaders(List.of("From", "Subject", "Date")).execute());
        } catch (MessageNotFoundException deletedSince) {
            return true;
        }
        Instant received = message.getInternalDate() == null ? Instant.now() : Instant.ofEpochMilli(message.getInternalDate());
        if (since != null && received.isBefore(since)) {
            return false;
        }
        List<String> labels = message.getLabelIds() == null ? List.of() : message.getLabelIds();
        if (labels.contains("SENT") || labels.contains("DRAFT") || labels.contains("SPAM") || labels.contains("TRASH")) {
            return true;
        }
        Optional<EmailAddress> from = MessageParser.sender(message);
        if (from.isEmpty()) {
            return true;
        }
        List<ClientDirectory.Match> matches = new ArrayList<>(directory.matching(practiceId, from.get().address()));
        matches.removeIf(match -> assignments.find(practiceId, messageId, match.clientId()).isPresent());
        if (matches.isEmpty()) {
            return true;
        }
        if (settings.get(practiceId).autoFile()) {
            ParsedEmail email = assignments.fetch(practiceId, userId, messageId);
            for (ClientDirectory.Match match : matches) {
                assignments.file(practiceId, userId, email, match.clientId(), EmailDirection.IN, FiledBy.AUTO, userId);
            }
        } else {
            String subject = GmailEmailAssigned.subjectLine(message.getPayload() == null ? null
                    : message.getPayload().getHeaders().stream().filter(h -> "Subject".equalsIgnoreCase(h.getName()))
                    .map(h -> h.getValue()).findFirst().orElse(null));
            for (ClientDirectory.Match match : matches) {
                proposals.propose(practiceId, userId, messageId, match.clientId(), from.get().address(), subject, received);
            }
        }
        return true;
    }

    private boolean isDue(UUID practiceId, UUID userId, Instant now) {
        return jdbc.sql(practiceId, """
                select next_poll_at from sync_state where practice_id = :practiceId and user_id = :userId
                """).param("userId", userId).query(Timestamp.class).optional()
                .map(next -> !next.toInstant().isAfter(now)).orElse(true);
    }

    private Optional<State> state(UUID practiceId, UUID userId) {
        return jdbc.sql(practiceId, """
                select history_id, failures from sync_state where practice_id = :practiceId and user_id = :userId
                """).param("userId", userId).query((rs, i) -> new State(rs.getObject(1, Long.class), rs.getInt(2)))
                .optional();
    }

    private Outcome done(UUID practiceId, UUID userId, Long historyId, Outcome outcome) {
        save(practiceId, userId, historyId, 0, Instant.now().plus(properties.userInterval()), outcome);
        return outcome;
    }

    private Outcome backOff(UUID practiceId, UUID userId, State state, Duration retryAfter, Outcome outcome) {
        int failures = state.failures() + 1;
        save(practiceId, userId, state.historyId(), failures,
                Instant.now().plus(properties.backoff(failures, retryAfter)), outcome);
        return outcome;
    }

    private void save(UUID practiceId, UUID userId, Long historyId, int failures, Instant next, Outcome outcome) {
        jdbc.sql(practiceId, """
                insert into sync_state (practice_id, user_id, history_id, next_poll_at, failures, last_synced_at, last_outcome)
                values (:practiceId, :userId, :historyId, :next, :failures, :now, :outcome)
                on conflict (practice_id, user_id) do update set history_id = excluded.history_id,
                    next_poll_at = excluded.next_poll_at, failures = excluded.failures,
                    last_synced_at = excluded.last_synced_at, last_outcome = excluded.last_outcome
                """).param("userId", userId).param("historyId", historyId).param("next", Timestamp.from(next))
                .param("failures", failures).param("now", Timestamp.from(Instant.now())).param("outcome", outcome.name())
                .update();
    }
}
