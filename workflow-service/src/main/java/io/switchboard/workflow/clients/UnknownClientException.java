package io.switchboard.workflow.clients;

import java.util.UUID;

import io.switchboard.platform.web.NotFoundException;

/** A client id that is not an active client of the caller's practice (as far as the register has told us): 404. */
public class UnknownClientException extends NotFoundException {

    private final UUID clientId;

    public UnknownClientException(UUID clientId) {
        super("client", clientId);
        this.clientId = clientId;
    }

    @Override
    public String getMessage() {
        return "client " + clientId + " is not a client of this practice"
                + " (a client created in the register moments ago may not have reached workflow yet)";
    }
}
