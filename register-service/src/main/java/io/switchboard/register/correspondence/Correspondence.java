package io.switchboard.register.correspondence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.contracts.register.CorrespondenceActioned;
import io.switchboard.contracts.register.CorrespondenceDeleted;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceRecorded;
import io.switchboard.contracts.register.CorrespondenceShared;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.platform.security.Tenant;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.NotFoundException;
import io.switchboard.register.clients.ClientSummary;
import io.switchboard.register.clients.Clients;
import io.switchboard.register.clients.FamilyGroups;
import io.switchboard.register.delivery.DeliveryStatuses;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The correspondence register: records, shares, marks actioned, deletes and finds entries; every change is an event. */
@Service
public class Correspondence {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<AttachmentLink>> ATTACHMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<ShareTarget>> TARGETS = new TypeReference<>() {
    };
    public static final int MAX_PAGE_SIZE = 100;

    private final TenantJdbc jdbc;
    private final Clients clients;
    private final FamilyGroups groups;
    private final DeliveryStatuses deliveries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;

    Correspondence(TenantJdbc jdbc, Clients clients, FamilyGroups groups, DeliveryStatuses deliveries,
                   ApplicationEventPublisher events, @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.groups = groups;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Records an entry by the caller and publishes it, with the share targets asked for, in one transaction. */
    @Transactional
    public EntryView record(NewEntry request) {
        Tenant tenant = Tenant.current();
        List<ShareTarget> targets = CorrespondenceEntry.targets(request.share(), "share");
        CorrespondenceEntry entry = CorrespondenceEntry.record(request, tenant.practiceId(), tenant.userId(), clock.instant());
        ClientSummary client = clients.find(entry.clientId())
                .orElseThrow(() -> new NotFoundException("client", entry.clientId()));
        jdbc.sql("""
                insert into correspondence_entry (id, practice_id, client_id, type, author_user_id, recipient_user_id,
                                                  subject, body, occurred_at, caller_name, caller_phone,
                                                  best_time_to_call, attachments)
                values (:id, :practiceId, :clientId, :type, :author, :recipient, :subject, :body, :occurredAt,
                        :callerName, :callerPhone, :bestTime, cast(:attachments as jsonb))
                """)
                .param("id", entry.id())
                .param("clientId", entry.clientId())
                .param("type", entry.type().name())
                .param("author", entry.authorUserId())
                .param("recipient", entry.recipientUserId())
                .param("subject", entry.subject())
                .param("body", entry.body())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("callerName", entry.callerName())
                .param("callerPhone", entry.callerPhone())
                .param("bestTime", entry.bestTimeToCall())
                .param("attachments", JSON.writeValueAsString(entry.attachments()))
                .update();
        if (!targets.isEmpty()) {
            insertShare(entry.id(), tenant.userId(), clock.instant(), targets);
        }
        events.publishEvent(new CorrespondenceRecorded(entry.id(), tenant.practiceId(),
                entry.details(client.displayName()), targets));
        return get(entry.id());
    }

    /** Shares an existing entry to more targets. */
    @Transactional
    public EntryShare share(UUID entryId, ShareRequest request) {
        Tenant tenant = Tenant.current();
        List<ShareTarget> targets = CorrespondenceEntry.targets(request.targets(), "targets");
        EntryView entry = get(entryId);
        Instant now = clock.instant();
        EntryShare share = insertShare(entryId, tenant.userId(), now, targets);
        events.publishEvent(new CorrespondenceShared(entryId, tenant.practiceId(), tenant.userId(), now, targets,
                details(entry)));
        return share;
    }

    /** Deletes an entry: it leaves every list; consumers drop what they hold about it. */
    @Transactional
    public void delete(UUID entryId) {
        Tenant tenant = Tenant.current();
        Instant now = clock.instant();
        int deleted = jdbc.sql("""
                update correspondence_entry set deleted_at = :now, deleted_by = :user
                where id = :id and practice_id = :practiceId and deleted_at is null
                """).param("id", entryId).param("now", Timestamp.from(now)).param("user", tenant.userId()).update();
        if (deleted == 0) {
            throw new NotFoundException("entry", entryId);
        }
        events.publishEvent(new CorrespondenceDeleted(entryId, tenant.practiceId(), tenant.userId(), now));
    }

    /** Marks an entry as actioned by the caller, in the app; see {@link #markActioned(UUID, UUID, UUID, ActionedVia)}. */
    @Transactional
    public EntryActioned markActioned(UUID entryId) {
        Tenant tenant = Tenant.current();
        return markActioned(tenant.practiceId(), entryId, tenant.userId(), ActionedVia.APP);
    }

    /**
     * Marks an entry of {@code practiceId} as actioned by {@code userId} and publishes it, the first time only:
     * marking an actioned entry again answers who actioned it first and publishes nothing.
     */
    @Transactional
    public EntryActioned markActioned(UUID practiceId, UUID entryId, UUID userId, ActionedVia via) {
        // Microseconds, as the column keeps them, so the first answer and every later one agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Only the update that finds actioned_at still null changes the row: a concurrent second one waits on the
        // first's row lock, then sees it actioned and changes nothing, so the event is published exactly once.
        int marked = jdbc.sql(practiceId, """
                update correspondence_entry set actioned_at = :now, actioned_by = :user, actioned_via = :via
                where id = :id and practice_id = :practiceId and deleted_at is null and actioned_at is null
                """).param("id", entryId).param("now", Timestamp.from(now)).param("user", userId)
                .param("via", via.name()).update();
        if (marked == 1) {
            events.publishEvent(new CorrespondenceActioned(entryId, practiceId, userId, now, via));
            return new EntryActioned(userId, now, via);
        }
        return jdbc.sql(practiceId, """
                select actioned_at, actioned_by, actioned_via from correspondence_entry
                where id = :id and practice_id = :practiceId and deleted_at is null and actioned_at is not null
                """).param("id", entryId).query((rs, n) -> actioned(rs)).optional()
                .orElseThrow(() -> new NotFoundException("entry", entryId));
    }

    @Transactional(readOnly = true)
    public EntryView get(UUID entryId) {
        EntryView entry = jdbc.sql("""
                select e.*, c.display_name, c.email as client_email, c.phone as client_phone, c.family_group_id
                from correspondence_entry e join client c on c.id = e.client_id
                where e.id = :id and e.practice_id = :practiceId and e.deleted_at is null
                """).param("id", entryId).query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> new NotFoundException("entry", entryId));
        List<EntryShare> shares = jdbc.sql("""
                select id, shared_by, shared_at, targets from entry_share
                where entry_id = :id and practice_id = :practiceId order by shared_at, id
                """).param("id", entryId).query((rs, n) -> new EntryShare(rs.getObject("id", UUID.class),
                        rs.getObject("shared_by", UUID.class), rs.getTimestamp("shared_at").toInstant(),
                        JSON.readValue(rs.getString("targets"), TARGETS))).list();
        return new EntryView(entry.id(), entry.type(), entry.clientId(), entry.clientDisplayName(), entry.clientEmail(),
                entry.clientPhone(), entry.familyGroupId(), entry.authorUserId(), entry.recipientUserId(),
                entry.subject(), entry.body(), entry.occurredAt(), entry.attachments(), entry.callerName(),
                entry.callerPhone(), entry.bestTimeToCall(), entry.createdAt(), shares, deliveries.forEntry(entryId),
                entry.summaryUrl(), entry.email(), entry.actioned());
    }

    /** Entries matching {@code filter}, newest first, one page of them, with the total. */
    @Transactional(readOnly = true)
    public EntryPage list(EntryFilter filter, int page, int size) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw InvalidRequestException.field("to", "must not be before from");
        }
        StringBuilder where = new StringBuilder("e.practice_id = :practiceId and e.deleted_at is null");
        Map<String, Object> params = new HashMap<>();
        if (filter.clientId() != null) {
            where.append(" and e.client_id = :clientId");
            params.put("clientId", filter.clientId());
        }
        if (filter.familyGroupId() != null) {
            where.append(" and c.family_group_id = :groupId");
            params.put("groupId", filter.familyGroupId());
        }
        if (filter.type() != null) {
            where.append(" and e.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.recipientUserId() != null) {
            where.append(" and e.recipient_user_id = :recipient");
            params.put("recipient", filter.recipientUserId());
        }
        if (filter.from() != null) {
            where.append(" and e.occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and e.occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (e.subject ilike :text escape '\\' or e.body ilike :text escape '\\')");
            params.put("text", "%" + escapeLike(filter.text().strip()) + "%");
        }
        String from = " from correspondence_entry e join client c on c.id = e.client_id where " + where;
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        List<EntrySummary> items = jdbc.sql("""
                select e.id, e.type, e.client_id, c.display_name, c.family_group_id, e.author_user_id,
                       e.recipient_user_id, e.subject, e.body, e.occurred_at, e.caller_name, e.caller_phone,
                       e.actioned_at, e.actioned_by, e.actioned_via
                """ + from + " order by e.occurred_at desc, e.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new EntrySummary(id, CorrespondenceType.valueOf(rs.getString("type")),
                            rs.getObject("client_id", UUID.class), rs.getString("display_name"),
                            rs.getObject("family_group_id", UUID.class), rs.getObject("author_user_id", UUID.class),
                            rs.getObject("recipient_user_id", UUID.class), rs.getString("subject"),
                            CorrespondenceDetails.excerpt(rs.getString("body")),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("caller_name"),
                            rs.getString("caller_phone"), summaryUrl(id), actioned(rs));
                }).list();
        return new EntryPage(items, page, size, total);
    }

    /** Every entry of the family group's clients, newest first. */
    @Transactional(readOnly = true)
    public EntryPage forFamilyGroup(UUID familyGroupId, int page, int size) {
        if (!groups.exists(familyGroupId)) {
            throw new NotFoundException("family group", familyGroupId);
        }
        return list(EntryFilter.forFamilyGroup(familyGroupId), page, size);
    }

    /** Where the app opens the entry; the link every message about it carries. */
    public String summaryUrl(UUID entryId) {
        return publicUrl + "/register/entries/" + entryId;
    }

    private EntryShare insertShare(UUID entryId, UUID sharedBy, Instant at, List<ShareTarget> targets) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into entry_share (id, practice_id, entry_id, shared_by, shared_at, targets)
                values (:id, :practiceId, :entryId, :sharedBy, :at, cast(:targets as jsonb))
                """).param("id", id).param("entryId", entryId).param("sharedBy", sharedBy)
                .param("at", Timestamp.from(at)).param("targets", JSON.writeValueAsString(targets)).update();
        return new EntryShare(id, sharedBy, at, targets);
    }

    /**
     * What a notification about a later share shows. Sharing a "new email" ({@code EMAIL_OUT}) to an address sends
     * that email there (G4), so it carries the whole text as on the recorded event.
     */
    private static CorrespondenceDetails details(EntryView entry) {
        return CorrespondenceEntry.details(entry.clientId(), entry.clientDisplayName(), entry.type(),
                entry.authorUserId(), entry.recipientUserId(), entry.subject(), entry.body(), entry.occurredAt(),
                entry.callerName(), entry.callerPhone(), entry.bestTimeToCall());
    }

    private EntryView view(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new EntryView(id, CorrespondenceType.valueOf(rs.getString("type")), rs.getObject("client_id", UUID.class),
                rs.getString("display_name"), rs.getString("client_email"), rs.getString("client_phone"),
                rs.getObject("family_group_id", UUID.class), rs.getObject("author_user_id", UUID.class),
                rs.getObject("recipient_user_id", UUID.class), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("occurred_at").toInstant(), JSON.readValue(rs.getString("attachments"), ATTACHMENTS),
                rs.getString("caller_name"), rs.getString("caller_phone"), rs.getString("best_time_to_call"),
                rs.getTimestamp("created_at").toInstant(), List.of(), List.of(), summaryUrl(id),
                rs.getString("email") == null ? null : JSON.readValue(rs.getString("email"), FiledEmail.class),
                actioned(rs));
    }

    private static EntryActioned actioned(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("actioned_at");
        return at == null ? null : new EntryActioned(rs.getObject("actioned_by", UUID.class), at.toInstant(),
                ActionedVia.valueOf(rs.getString("actioned_via")));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
