package io.switchboard.integration.slack.interactions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of Slack's interaction payload (the JSON in the form field {@code payload}) this service reads;
 * Slack sends much more, all of it ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InteractionPayload(String type, Team team, User user, List<Action> actions) {

    static final String BLOCK_ACTIONS = "block_actions";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Team(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Action(@JsonProperty("action_id") String actionId, String value) {
    }
}
