package io.switchboard.integration.connections;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.switchboard.integration.gmail.GmailConnection;
import io.switchboard.integration.gmail.GmailConnections;
import io.switchboard.integration.slack.SlackConnection;
import io.switchboard.integration.slack.SlackConnections;
import io.switchboard.integration.teams.TeamsConnection;
import io.switchboard.integration.teams.TeamsConnections;
import io.switchboard.platform.security.Tenant;

/** Every provider connection of the caller's practice, one entry per provider, for the integrations page. */
@RestController
class ConnectionsController {

    private final SlackConnections slack;
    private final TeamsConnections teams;
    private final GmailConnections gmail;

    ConnectionsController(SlackConnections slack, TeamsConnections teams, GmailConnections gmail) {
        this.slack = slack;
        this.teams = teams;
        this.gmail = gmail;
    }

    @GetMapping("/connections")
    @Operation(summary = "The practice's provider connections, Slack, Teams, Gmail (with the caller's own); never a token")
    @ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            array = @ArraySchema(schema = @Schema(oneOf = {SlackConnection.class, TeamsConnection.class, GmailConnection.class}))))
    List<Object> connections() {
        Tenant tenant = Tenant.current();
        return List.of(slack.connection(tenant.practiceId()).orElseGet(SlackConnection::disconnected),
                teams.connection(tenant.practiceId(), tenant.userId()),
                gmail.connection(tenant.practiceId(), tenant.userId()));
    }
}
