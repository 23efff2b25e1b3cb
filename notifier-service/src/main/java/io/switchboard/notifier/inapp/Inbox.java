package io.switchboard.notifier.inapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-app inbox (N5): items per practice and user. Every change signals the live streams with a PostgreSQL
 * {@code NOTIFY} in the same transaction, so the signal leaves only when the change is committed and reaches the
 * instance holding the user's stream, whichever instance made the change.
 */
@Component
public class Inbox {

    public static final int MAX_PAGE_SIZE = 100;
    private static final TypeReference<List<MessageField>> FIELDS = new TypeReference<>() { };

    private final TenantJdbc tenantJdbc;
    private final JsonMapper json;

    public Inbox(TenantJdbc tenantJdbc, JsonMapper json) {
        this.tenantJdbc = tenantJdbc;
        this.json = json;
    }

    /** Stores the command's item (its id is the notification id) unless it is already there; in the caller's transaction. */
    @Transactional
    public boolean store(InAppNotificationRequested command) {
        boolean stored = tenantJdbc.sql(command.practiceId(), """
                insert into inbox_item (id, practice_id, user_id, source_kind, source_id, source_event_id, title, body,
                                        fields, link_url, link_label, requested_at)
                values (:id, :practiceId, :userId, :sourceKind, :sourceId, :sourceEventId, :title, :body,
                        cast(:fields as jsonb), :linkUrl, :linkLabel, :requestedAt)
                on conflict (id) do nothing
                """)
                .param("id", command.notificationId())
                .param("userId", command.recipientUserId())
                .param("sourceKind", command.source().kind().name())
                .param("sourceId", command.source().id())
                .param("sourceEventId", command.sourceEventId())
                .param("title", command.content().title())
                .param("body", command.content().text())
                .param("fields", json.writeValueAsString(command.content().fields()))
                .param("linkUrl", command.content().linkUrl())
                .param("linkLabel", command.content().linkLabel())
                .param("requestedAt", Timestamp.from(command.requestedAt()))
                .update() == 1;
        if (stored) {
            signal(new InboxSignal(command.practiceId(), command.recipientUserId(), command.notificationId()));
        }
        return stored;
    }

    public InboxPage page(UUID practiceId, UUID userId, int page, int size) {
        List<InboxItem> items = tenantJdbc.sql(practiceId, """
                select * from inbox_item where practice_id = :practiceId and user_id = :userId
                order by created_at desc, id desc
                limit :limit offset :offset
                """)
                .param("userId", userId)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::item)
                .list();
        Counts counts = tenantJdbc.sql(practiceId, """
                select count(*), count(*) filter (where read_at is null)
                from inbox_item where practice_id = :practiceId and user_id = :userId
                """)
                .param("userId", userId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
        return new InboxPage(items, page, size, counts.total(), counts.unread());
    }

    public long unreadCount(UUID practiceId, UUID userId) {
        return tenantJdbc.sql(practiceId, """
                select count(*) from inbox_item where practice_id = :practiceId and user_id = :userId and read_at is null
                """)
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    public Optional<InboxItem> find(UUID practiceId, UUID userId, UUID id) {
        return tenantJdbc.sql(practiceId, """
                select * from inbox_item where practice_id = :practiceId and user_id = :userId and id = :id
                """)
                .param("userId", userId)
                .param("id", id)
                .query(this::item)
                .optional();
    }

    /** Marks one of the user's items read (again: no change); another user's or practice's item is not found. */
    @Transactional
    public InboxItem markRead(UUID practiceId, UUID userId, UUID id) {
        int changed = tenantJdbc.sql(practiceId, """
                update inbox_item set read_at = now()
                where practice_id = :practiceId and user_id = :userId and id = :id and read_at is null
                """)
                .param("userId", userId)
                .param("id", id)
                .update();
        InboxItem item = find(practiceId, userId, id).orElseThrow(() -> new NotFoundException("Inbox item", id));
        if (changed == 1) {
            signal(new InboxSignal(practiceId, userId, null));
        }
        return item;
    }

    /** Marks every unread item of the user read; returns how many changed (0 the second time). */
    @Transactional
    public int markAllRead(UUID practiceId, UUID userId) {
        int changed = tenantJdbc.sql(practiceId, """
                update inbox_item set read_at = now()
                where practice_id = :practiceId and user_id = :userId and read_at is null
                """)
                .param("userId", userId)
                .update();
        if (changed > 0) {
            signal(new InboxSignal(practiceId, userId, null));
        }
        return changed;
    }

    /** {@code NOTIFY} is transactional: PostgreSQL delivers it to every listening instance on commit, never on rollback. */
    private void signal(InboxSignal signal) {
        // Not practice data: the channel carries ids only, and every listener re-reads scoped by practice and user.
        tenantJdbc.unscoped().sql("select pg_notify(:channel, :payload)")
                .param("channel", InboxSignal.CHANNEL)
                .param("payload", signal.payload())
                .query(rs -> { });
    }

    private InboxItem item(ResultSet rs, int row) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        return new InboxItem(rs.getObject("id", UUID.class),
                new SourceRef(SourceKind.valueOf(rs.getString("source_kind")), rs.getObject("source_id", UUID.class)),
                rs.getString("title"), rs.getString("body"), json.readValue(rs.getString("fields"), FIELDS),
                rs.getString("link_url"), rs.getString("link_label"), rs.getTimestamp("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }

    private record Counts(long total, long unread) {
    }
}
