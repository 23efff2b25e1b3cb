package io.switchboard.integration.slack.interactions;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.slack.signing.SlackSignatureVerifier;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Slack's interactivity Request URL (through the gateway's {@code /api/integrations/slack/interactions}). The
 * body is read here as the raw bytes Slack signed — never parsed by Spring first, which would re-encode the
 * form — and verified before anything else; a refusal is 401 and says nothing about why.
 */
@RestController
@Tag(name = "Slack interactivity")
@SecurityScheme(name = SlackInteractionsController.SLACK_SIGNATURE, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, paramName = SlackSignatureVerifier.SIGNATURE_HEADER,
        description = "Slack's v0 request signature: v0=hex(HMAC-SHA256(Slack app signing secret, \"v0:\" + "
                + SlackSignatureVerifier.TIMESTAMP_HEADER + " + \":\" + raw body)), timestamp within 5 minutes, "
                + "each signature accepted once. No bearer token.")
class SlackInteractionsController {

    static final String SLACK_SIGNATURE = "slack-signature";
    static final String REFUSED = "The request is not a valid, fresh Slack request.";

    private final SlackRequestVerifier verifier;
    private final SlackInteractions interactions;

    SlackInteractionsController(SlackRequestVerifier verifier, SlackInteractions interactions) {
        this.verifier = verifier;
        this.interactions = interactions;
    }

    /** Documents the form Slack posts; the endpoint itself reads the raw body. */
    @Schema(name = "SlackInteractionForm")
    record InteractionForm(@Schema(description = "Slack's interaction payload as JSON; handled: type block_actions with"
            + " action_id switchboard.entry.mark_actioned and value = the entry id", requiredMode = Schema.RequiredMode.REQUIRED)
                           String payload) {
    }

    @PostMapping(SlackInteractionsSecurity.ENDPOINT)
    @Operation(summary = "Slack interactivity: the \"Mark as actioned\" button (Slack-signed, no bearer token)",
            description = "Called by Slack (through the gateway). Verified with the Slack app's signing secret on the raw"
                    + " body; an invalid or missing signature, a stale timestamp or a replay is 401. A block_actions"
                    + " press of switchboard.entry.mark_actioned by a staff user of the practice connected to that"
                    + " workspace marks the entry actioned in the register (via SLACK); the Slack message is updated"
                    + " when the register says so. Other interactions are acknowledged and ignored.",
            security = @SecurityRequirement(name = SLACK_SIGNATURE),
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = SlackSignatureVerifier.SIGNATURE_HEADER, required = true,
                            description = "v0=<hex HMAC-SHA256>", schema = @Schema(type = "string")),
                    @Parameter(in = ParameterIn.HEADER, name = SlackSignatureVerifier.TIMESTAMP_HEADER, required = true,
                            description = "Unix seconds; within 5 minutes of now", schema = @Schema(type = "string"))},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = InteractionForm.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Acknowledged: empty when done or ignored; an"
                            + " ephemeral message for the presser when nothing could be changed (workspace not"
                            + " connected, Slack user unknown, entry gone, register unavailable)",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = SlackReply.class))),
                    @ApiResponse(responseCode = "400", description = "Verified, but not a readable interaction payload",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "401", description = "Not a valid, fresh, first-seen Slack request",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<SlackReply> interact(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (!verifier.genuine(request.getHeader(SlackSignatureVerifier.TIMESTAMP_HEADER),
                request.getHeader(SlackSignatureVerifier.SIGNATURE_HEADER), body)) {
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, REFUSED), null);
        }
        return interactions.handle(body)
                .map(reply -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply))
                .orElseGet(() -> ResponseEntity.ok().build());
    }
}
