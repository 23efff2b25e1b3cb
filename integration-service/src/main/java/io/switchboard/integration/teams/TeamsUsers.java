package io.switchboard.integration.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.StaffUser;

/** Maps staff users to their Microsoft user ids by email (for real {@code <at>} mentions), as the admin sees them. */
@Service
public class TeamsUsers {

    /** Who was found and who was not (their email has no Microsoft account in the organisation). */
    public record Resolution(int resolved, List<String> unresolvedEmails) {
    }

    private final Directory directory;
    private final TeamsConnections connections;
    private final GraphApi graph;

    TeamsUsers(Directory directory, TeamsConnections connections, GraphApi graph) {
        this.directory = directory;
        this.connections = connections;
        this.graph = graph;
    }

    public Resolution resolve(UUID practiceId, UUID adminId) {
        GraphServiceClient client = graph.as(connections.token(practiceId, adminId, false).accessToken());
        int resolved = 0;
        List<String> unresolved = new ArrayList<>();
        for (StaffUser user : directory.activeUsers(practiceId)) {
            User found = graph.call("users/{email}", () -> client.users().byUserId(user.email()).get());
            if (found == null || found.getId() == null) {
                unresolved.add(user.email());
            } else {
                directory.linkMicrosoftUser(practiceId, user.id(), found.getId());
                resolved++;
            }
        }
        return new Resolution(resolved, unresolved);
    }
}
