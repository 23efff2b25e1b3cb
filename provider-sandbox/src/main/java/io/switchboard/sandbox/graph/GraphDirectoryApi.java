package io.switchboard.sandbox.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.sandbox.microsoft.MicrosoftChannel;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftProperties;
import io.switchboard.sandbox.microsoft.MicrosoftTeam;
import io.switchboard.sandbox.microsoft.MicrosoftTenants;
import io.switchboard.sandbox.microsoft.MicrosoftUser;

/**
 * Graph's directory reads, as the signed-in user of the token sees them: {@code /me}, {@code /users/{id|upn|mail}},
 * {@code /me/joinedTeams} and {@code /teams/{id}/channels} (lists paged with {@code @odata.nextLink}).
 */
@RestController
class GraphDirectoryApi {

    private static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata#";

    private final GraphAuthentication authentication;
    private final MicrosoftTenants tenants;
    private final MicrosoftProperties properties;

    GraphDirectoryApi(GraphAuthentication authentication, MicrosoftTenants tenants, MicrosoftProperties properties) {
        this.authentication = authentication;
        this.tenants = tenants;
        this.properties = properties;
    }

    @GetMapping("/v1.0/me")
    UserView me(HttpServletRequest request) {
        MicrosoftGrant grant = authentication.authenticate(request);
        return UserView.of(tenants.user(grant.tenantId(), grant.userId()).orElseThrow(() -> notFound(grant.userId())));
    }

    /** A user of the token's tenant by id or user principal name (and, beyond Graph, by mail). */
    @GetMapping("/v1.0/users/{key}")
    UserView user(@PathVariable String key, HttpServletRequest request) {
        MicrosoftGrant grant = authentication.authenticate(request);
        return UserView.of(tenants.user(grant.tenantId(), key).orElseThrow(() -> notFound(key)));
    }

    @GetMapping("/v1.0/me/joinedTeams")
    GraphPage<TeamView> joinedTeams(HttpServletRequest request) {
        MicrosoftGrant grant = authentication.authenticate(request);
        List<TeamView> teams = tenants.joinedTeams(grant.tenantId(), grant.userId()).stream().map(TeamView::of).toList();
        return GraphPage.of(METADATA + "teams", teams, request, properties.pageSize());
    }

    @GetMapping("/v1.0/teams/{teamId}/channels")
    GraphPage<ChannelView> channels(@PathVariable String teamId, HttpServletRequest request) {
        MicrosoftGrant grant = authentication.authenticate(request);
        MicrosoftTeam team = memberTeam(tenants, grant, teamId);
        List<ChannelView> channels = tenants.channels(grant.tenantId(), teamId).stream()
                .map(channel -> ChannelView.of(channel, team)).toList();
        return GraphPage.of(METADATA + "teams('" + teamId + "')/channels", channels, request, properties.pageSize());
    }

    /** The team of the token's tenant, if the token's user is a member: else 404 or 403, as Graph answers. */
    static MicrosoftTeam memberTeam(MicrosoftTenants tenants, MicrosoftGrant grant, String teamId) {
        MicrosoftTeam team = tenants.team(grant.tenantId(), teamId)
                .orElseThrow(() -> GraphApiException.notFound("NotFound", "No team found with Group Id " + teamId));
        if (!team.hasMember(grant.userId())) {
            throw GraphApiException.forbidden("The user is not a member of team " + teamId + ".");
        }
        return team;
    }

    private static GraphApiException notFound(String key) {
        return GraphApiException.notFound("Request_ResourceNotFound", "Resource '" + key
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    record UserView(
            @JsonProperty("@odata.context") String context,
            String id,
            List<String> businessPhones,
            String displayName,
            String mail,
            String userPrincipalName) {

        static UserView of(MicrosoftUser user) {
            return new UserView(METADATA + "users/$entity", user.id(), List.of(), user.displayName(), user.mail(),
                    user.userPrincipalName());
        }
    }

    record TeamView(String id, String displayName, String description, boolean isArchived, String tenantId) {

        static TeamView of(MicrosoftTeam team) {
            return new TeamView(team.id(), team.displayName(), null, false, team.tenantId());
        }
    }

    record ChannelView(String id, String displayName, String description, String email, String webUrl,
            String membershipType, String tenantId) {

        static ChannelView of(MicrosoftChannel channel, MicrosoftTeam team) {
            String webUrl = "https://teams.microsoft.com/l/channel/" + URLEncoder.encode(channel.id(), StandardCharsets.UTF_8)
                    + "/" + URLEncoder.encode(channel.displayName(), StandardCharsets.UTF_8).replace("+", "%20")
                    + "?groupId=" + team.id() + "&tenantId=" + team.tenantId();
            return new ChannelView(channel.id(), channel.displayName(), null, "", webUrl, "standard", team.tenantId());
        }
    }
}
