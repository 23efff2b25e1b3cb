package io.switchboard.integration.slack;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;

import io.switchboard.platform.security.TenantJdbc;

/** The practice's Slack channel list, refreshed from {@code conversations.list} for choosing defaults (P5). */
@Service
public class SlackChannels {

    private static final int PAGE_SIZE = 200;

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final SlackApi slack;
    private final SlackConnections connections;

    SlackChannels(TenantJdbc jdbc, TransactionTemplate transactions, SlackApi slack, SlackConnections connections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.slack = slack;
        this.connections = connections;
    }

    /** Pages through every public and private channel the workspace shows the app and replaces the stored list. */
    public List<SlackChannel> refresh(UUID practiceId) {
        String token = connections.credentials(practiceId).botToken();
        List<Conversation> all = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsListResponse response = slack.call("conversations.list", () -> slack.methods(token)
                    .conversationsList(r -> r.types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                            .excludeArchived(false).limit(PAGE_SIZE).cursor(page)));
            if (!response.isOk()) {
                throw SlackApi.refused("conversations.list", response.getError());
            }
            all.addAll(response.getChannels());
            cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(practiceId, "delete from slack_channel where practice_id = :practiceId").update();
            for (Conversation channel : all) {
                jdbc.sql(practiceId, """
                        insert into slack_channel (practice_id, id, name, is_private, is_archived, is_member, refreshed_at)
                        values (:practiceId, :id, :name, :private, :archived, :member, :at)
                        on conflict (practice_id, id) do nothing
                        """).param("id", channel.getId()).param("name", channel.getName())
                        .param("private", channel.isPrivate()).param("archived", channel.isArchived())
                        .param("member", channel.isMember()).param("at", Timestamp.from(now)).update();
            }
        });
        return list(practiceId);
    }

    public List<SlackChannel> list(UUID practiceId) {
        return jdbc.sql(practiceId, """
                select id, name, is_private, is_archived, is_member as member, refreshed_at
                from slack_channel where practice_id = :practiceId order by name, id
                """).query(SlackChannels::channel).list();
    }

    /** One of the practice's refreshed channels. */
    public Optional<SlackChannel> find(UUID practiceId, String channelId) {
        return jdbc.sql(practiceId, """
                select id, name, is_private, is_archived, is_member as member, refreshed_at
                from slack_channel where practice_id = :practiceId and id = :id
                """).param("id", channelId).query(SlackChannels::channel).optional();
    }

    private static SlackChannel channel(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SlackChannel(rs.getString("id"), rs.getString("name"), rs.getBoolean("is_private"),
                rs.getBoolean("is_archived"), rs.getBoolean("member"), rs.getTimestamp("refreshed_at").toInstant());
    }
}
