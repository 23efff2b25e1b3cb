package io.switchboard.sandbox.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.Resettable;

/** The Slack apps registered with the sandbox, by client id; an install lands in its app's workspace. */
@Component
public class SlackApps implements Resettable {

    private final Map<String, SlackApp> byClientId = new LinkedHashMap<>();
    /** Workspace → client id of the app last installed there through OAuth. */
    private final Map<String, String> installs = new LinkedHashMap<>();
    private final IssuedSecrets secrets;

    SlackApps(IssuedSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * Registers (or replaces) an app; its id is derived from the client id when left out.
     *
     * @return the app as stored
     */
    public synchronized SlackApp register(SlackApp app) {
        String appId = app.appId() != null ? app.appId()
                : "A" + app.clientId().replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
        SlackApp stored = new SlackApp(app.clientId(), app.clientSecret(), appId, app.teamId(), blankToNull(app.signingSecret()),
                blankToNull(app.interactivityUrl()));
        secrets.remember(stored.clientSecret());
        secrets.remember(stored.signingSecret());
        byClientId.remove(app.clientId());
        byClientId.put(app.clientId(), stored);
        return stored;
    }

    public synchronized Optional<SlackApp> byClientId(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    /** Notes that an OAuth install put the app into the workspace. */
    synchronized void installed(String teamId, String clientId) {
        installs.put(teamId, clientId);
    }

    /**
     * The app installed in a workspace: the one last installed there through OAuth (an app's signing secret and
     * Request URL are the app's, whichever workspace it was registered for), else the one registered last for it.
     */
    public synchronized Optional<SlackApp> forTeam(String teamId) {
        String installed = installs.get(teamId);
        if (installed != null && byClientId.containsKey(installed)) {
            return Optional.of(byClientId.get(installed));
        }
        List<SlackApp> apps = byClientId.values().stream().filter(app -> app.teamId().equals(teamId)).toList();
        return apps.isEmpty() ? Optional.empty() : Optional.of(apps.get(apps.size() - 1));
    }

    @Override
    public synchronized void reset() {
        byClientId.clear();
        installs.clear();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
