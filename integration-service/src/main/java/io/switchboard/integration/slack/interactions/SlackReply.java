package io.switchboard.integration.slack.interactions;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message Slack shows only to the person who pressed the button ({@code response_type: ephemeral}),
 * leaving the original message as it is.
 */
record SlackReply(@JsonProperty("response_type") String responseType,
                  @JsonProperty("replace_original") boolean replaceOriginal,
                  String text) {

    static SlackReply ephemeral(String text) {
        return new SlackReply("ephemeral", false, text);
    }
}
