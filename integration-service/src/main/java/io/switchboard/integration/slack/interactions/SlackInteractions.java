package io.switchboard.integration.slack.interactions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.StaffUser;
import io.switchboard.integration.slack.SlackConnections;
import io.switchboard.platform.web.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a button pressed on one of our Slack messages does (FEATURES.md N2, issue 5): "Mark as actioned"
 * finds the practice by the Slack workspace and the staff user by their Slack id, and asks the register to
 * mark the entry. The register then publishes {@code CorrespondenceActioned} and the notifier updates the
 * message; this service changes nothing itself. Anything Slack sends that is not one of our buttons is
 * acknowledged and ignored.
 */
@Service
class SlackInteractions {

    static final String UNKNOWN_WORKSPACE = "This Slack workspace is not connected to Switchboard, so nothing was"
            + " changed. A practice admin can connect it under Settings → Integrations.";
    static final String UNKNOWN_USER = "Switchboard does not know your Slack account, so the entry was not marked"
            + " as actioned. Ask a practice admin to refresh Slack users in Switchboard (your Slack email must be"
            + " your Switchboard email), or mark it in Switchboard.";
    static final String UNKNOWN_ENTRY = "That entry is no longer in Switchboard's register, so nothing was changed.";
    static final String FAILED = "Switchboard could not mark the entry as actioned just now. Please try again in"
            + " a moment, or mark it in Switchboard.";
    private static final String PAYLOAD_FIELD = "payload";
    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

    private final SlackConnections connections;
    private final Directory directory;
    private final RegisterEntries register;
    private final JsonMapper json;

    SlackInteractions(SlackConnections connections, Directory directory, RegisterEntries register, JsonMapper json) {
        this.connections = connections;
        this.directory = directory;
        this.register = register;
        this.json = json;
    }

    /**
     * Handles a verified request's body ({@code payload=<json>}, form-encoded); answers what Slack should show
     * the person who pressed the button, or empty for nothing. A body that is not a readable interaction is
     * {@link InvalidRequestException}.
     */
    Optional<SlackReply> handle(byte[] body) {
        InteractionPayload payload = parse(body);
        if (!InteractionPayload.BLOCK_ACTIONS.equals(payload.type())) {
            log.info("Slack interaction of type {} ignored", payload.type());
            return Optional.empty();
        }
        if (payload.actions() == null) {
            throw InvalidRequestException.field("payload.actions", "a block_actions payload must list its actions");
        }
        List<InteractionPayload.Action> markActioned = payload.actions().stream()
                .filter(action -> action != null && MessageAction.MARK_ACTIONED.equals(action.actionId())).toList();
        if (markActioned.isEmpty()) {
            log.info("Slack block_actions without a Switchboard action ignored");
            return Optional.empty();
        }
        String teamId = required(payload.team() == null ? null : payload.team().id(), "payload.team.id");
        String slackUserId = required(payload.user() == null ? null : payload.user().id(), "payload.user.id");
        List<UUID> entryIds = markActioned.stream().map(action -> entryId(action.value())).distinct().toList();
        Optional<SlackReply> reply = Optional.empty();
        for (UUID entryId : entryIds) {
            reply = markActioned(teamId, slackUserId, entryId);
            if (reply.isPresent()) {
                break;
            }
        }
        return reply;
    }

    private Optional<SlackReply> markActioned(String teamId, String slackUserId, UUID entryId) {
        List<UUID> practices = connections.practicesOfWorkspace(teamId);
        if (practices.isEmpty()) {
            log.info("Slack button pressed in workspace {}, which no practice has connected", teamId);
            return Optional.of(SlackReply.ephemeral(UNKNOWN_WORKSPACE));
        }
        List<Presser> pressers = new ArrayList<>();
        for (UUID practiceId : practices) {
            directory.activeUserBySlackId(practiceId, slackUserId)
                    .map(StaffUser::id).ifPresent(userId -> pressers.add(new Presser(practiceId, userId)));
        }
        if (pressers.isEmpty()) {
            log.info("Slack user {} of workspace {} is no active staff user of its practice", slackUserId, teamId);
            return Optional.of(SlackReply.ephemeral(UNKNOWN_USER));
        }
        // Normally one practice. Should two share a workspace, the entry is only in one register: the other says 404.
        boolean failed = false;
        for (Presser presser : pressers) {
            switch (register.markActioned(presser.practiceId(), entryId, presser.userId())) {
                case ACTIONED -> {
                    log.info("Entry {} of practice {} marked actioned by user {} from Slack", entryId,
                            presser.practiceId(), presser.userId());
                    return Optional.empty();
                }
                case FAILED -> failed = true;
                case NOT_FOUND -> {
                }
            }
        }
        return Optional.of(SlackReply.ephemeral(failed ? FAILED : UNKNOWN_ENTRY));
    }

    private InteractionPayload parse(byte[] body) {
        String payload = formField(new String(body, StandardCharsets.UTF_8), PAYLOAD_FIELD);
        if (payload == null || payload.isBlank()) {
            throw InvalidRequestException.field(PAYLOAD_FIELD, "the form field payload is required");
        }
        InteractionPayload parsed;
        try {
            parsed = json.readValue(payload, InteractionPayload.class);
        } catch (JacksonException unreadable) {
            throw InvalidRequestException.field(PAYLOAD_FIELD, "must be a Slack interaction payload (JSON)");
        }
        if (parsed == null || parsed.type() == null || parsed.type().isBlank()) {
            throw InvalidRequestException.field("payload.type", "is required");
        }
        return parsed;
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException badEscape) {
                throw InvalidRequestException.field(name, "the form body is not valid URL encoding");
            }
        }
        return null;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.field(field, "is required");
        }
        return value;
    }

    private static UUID entryId(String value) {
        String id = required(value, "payload.actions.value");
        try {
            UUID entryId = UUID.fromString(id);
            if (entryId.toString().equalsIgnoreCase(id)) {
                return entryId;
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below
        }
        throw InvalidRequestException.field("payload.actions.value", "must be an entry id (UUID)");
    }

    /** Who pressed the button, in one practice that has the workspace. */
    private record Presser(UUID practiceId, UUID userId) {
    }
}
