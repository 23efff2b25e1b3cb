package io.switchboard.integration.teams;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.ChannelCollectionResponse;
import com.microsoft.graph.models.Team;
import com.microsoft.graph.models.TeamCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import io.switchboard.platform.security.TenantJdbc;

/**
 * The Teams channels the practice can choose as defaults (P5): the teams the refreshing admin has joined and
 * their channels, read through Graph with the admin's own delegated token, every page followed.
 */
@Service
public class TeamsChannels {

    /** One channel in one team. */
    public record TeamsChannel(String teamId, String teamName, String id, String name, Instant refreshedAt) {
    }

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final TeamsConnections connections;
    private final GraphApi graph;

    TeamsChannels(TenantJdbc jdbc, TransactionTemplate transactions, TeamsConnections connections, GraphApi graph) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
        this.graph = graph;
    }

    /** Replaces the stored list with what Graph shows {@code adminId} now. */
    public List<TeamsChannel> refresh(UUID practiceId, UUID adminId) {
        TeamsUserToken token = connections.token(practiceId, adminId, false);
        GraphServiceClient client = graph.as(token.accessToken());
        List<Team> teams = new ArrayList<>();
        TeamCollectionResponse page = graph.call("me/joinedTeams", () -> client.me().joinedTeams().get());
        while (page != null) {
            teams.addAll(page.getValue());
            String next = page.getOdataNextLink();
            page = next == null ? null : graph.call("me/joinedTeams", () -> client.me().joinedTeams().withUrl(next).get());
        }
        List<TeamsChannel> found = new ArrayList<>();
        Instant now = Instant.now();
        for (Team team : teams) {
            ChannelCollectionResponse channels = graph.call("teams/channels",
                    () -> client.teams().byTeamId(team.getId()).channels().get());
            while (channels != null) {
                for (Channel channel : channels.getValue()) {
                    found.add(new TeamsChannel(team.getId(), team.getDisplayName(), channel.getId(),
                            channel.getDisplayName(), now));
                }
                String next = channels.getOdataNextLink();
                channels = next == null ? null : graph.call("teams/channels",
                        () -> client.teams().byTeamId(team.getId()).channels().withUrl(next).get());
            }
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(practiceId, "delete from teams_channel where practice_id = :practiceId").update();
            for (TeamsChannel channel : found) {
                jdbc.sql(practiceId, """
                        insert into teams_channel (practice_id, team_id, team_name, id, name, refreshed_at)
                        values (:practiceId, :team, :teamName, :id, :name, :at)
                        on conflict do nothing
                        """).param("team", channel.teamId()).param("teamName", channel.teamName())
                        .param("id", channel.id()).param("name", channel.name()).param("at", Timestamp.from(now)).update();
            }
        });
        return list(practiceId);
    }

    public List<TeamsChannel> list(UUID practiceId) {
        return jdbc.sql(practiceId, """
                select team_id, team_name, id, name, refreshed_at from teams_channel
                where practice_id = :practiceId order by team_name, name, id
                """).query(TeamsChannels::channel).list();
    }

    public Optional<TeamsChannel> find(UUID practiceId, String teamId, String channelId) {
        return jdbc.sql(practiceId, """
                select team_id, team_name, id, name, refreshed_at from teams_channel
                where practice_id = :practiceId and team_id = :team and id = :id
                """).param("team", teamId).param("id", channelId).query(TeamsChannels::channel).optional();
    }

    private static TeamsChannel channel(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TeamsChannel(rs.getString("team_id"), rs.getString("team_name"), rs.getString("id"),
                rs.getString("name"), rs.getTimestamp("refreshed_at").toInstant());
    }
}
