package io.switchboard.workflow.testsupport;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the data of CloudEvents the service published. */
public final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {
    }

    public static JsonNode data(CloudEvent event) {
        return JSON.readTree(event.getData().toBytes());
    }
}
