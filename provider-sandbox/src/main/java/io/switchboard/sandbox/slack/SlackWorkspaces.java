package io.switchboard.sandbox.slack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.Resettable;

/**
 * The emulated Slack: workspaces with their channels, members, users and posted messages, and the tokens
 * that open them. The Web API methods read and change it; tests and the dev stack seed it.
 */
@Component
public class SlackWorkspaces implements Resettable {

    private final Map<String, State> workspaces = new ConcurrentHashMap<>();
    private final Map<String, SlackToken> tokens = new ConcurrentHashMap<>();
    private final Set<String> revokedOutOfBand = ConcurrentHashMap.newKeySet();
    private final IssuedSecrets secrets;

    SlackWorkspaces(IssuedSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * Creates a workspace with the app installed.
     *
     * @throws SeedRejectedException when the seed is invalid, or its team or bot token already exists
     */
    public synchronized SlackWorkspace seed(SlackWorkspaceSeed seed) {
        List<SlackWorkspaceSeed.FieldError> errors = seed.validate();
        if (!errors.isEmpty()) {
            throw SeedRejectedException.invalid(errors);
        }
        if (workspaces.containsKey(seed.teamId())) {
            throw SeedRejectedException.conflict("A workspace with team id " + seed.teamId() + " exists already");
        }
        if (tokens.containsKey(seed.botToken())) {
            throw SeedRejectedException.conflict("That bot token belongs to another workspace");
        }
        SlackWorkspace workspace = seed.workspace();
        State state = new State(workspace, seed.botToken());
        for (SlackWorkspaceSeed.User user : seed.users()) {
            state.users.put(user.id(), new SlackUser(user.id(), user.name(), user.email(), false));
        }
        state.users.put(workspace.botUserId(), new SlackUser(workspace.botUserId(), workspace.botName(), null, true));
        for (SlackWorkspaceSeed.Channel channel : seed.channels()) {
            Set<String> members = new LinkedHashSet<>(channel.members());
            if (channel.botIsMember()) {
                members.add(workspace.botUserId());
            }
            state.channels.put(channel.id(),
                    new SlackChannel(channel.id(), channel.name(), channel.isPrivate(), channel.isArchived(), members));
        }
        workspaces.put(workspace.teamId(), state);
        secrets.remember(seed.botToken());
        tokens.put(seed.botToken(),
                new SlackToken(SlackToken.Kind.BOT, workspace.teamId(), workspace.botUserId(), workspace.botId()));
        return workspace;
    }

    /** What a presented token stands for; empty for a token the sandbox does not know. */
    public Optional<SlackToken> token(String value) {
        return Optional.ofNullable(tokens.get(value));
    }

    /**
     * {@code auth.revoke}: the token stops working at once; later calls with it are {@code invalid_auth}.
     *
     * @return whether the sandbox knew the token
     */
    public boolean revokeToken(String value) {
        return tokens.remove(value) != null;
    }

    /**
     * Revokes a token out-of-band, as when an admin uninstalls the app: later calls with it answer
     * {@code token_revoked}.
     *
     * @return whether the sandbox knew the token
     */
    public boolean revokeTokenOutOfBand(String value) {
        boolean known = tokens.remove(value) != null;
        if (known) {
            revokedOutOfBand.add(value);
        }
        return known;
    }

    /** Whether a token was revoked out-of-band ({@link #revokeTokenOutOfBand}). */
    public boolean isRevokedOutOfBand(String value) {
        return revokedOutOfBand.contains(value);
    }

    /** The workspace member with that email (case-insensitive), as {@code users.lookupByEmail} finds one. */
    public Optional<SlackUser> userByEmail(String teamId, String email) {
        return users(teamId).stream()
                .filter(user -> user.email() != null && email != null && user.email().equalsIgnoreCase(email.trim()))
                .findFirst();
    }

    public Optional<SlackWorkspace> workspace(String teamId) {
        return state(teamId).map(state -> state.workspace);
    }

    public List<SlackWorkspace> workspaces() {
        return workspaces.values().stream().map(state -> state.workspace).toList();
    }

    public Optional<SlackChannel> channel(String teamId, String channelId) {
        return state(teamId).map(state -> state.channels.get(channelId));
    }

    public List<SlackChannel> channels(String teamId) {
        return state(teamId).map(state -> List.copyOf(state.channels.values())).orElse(List.of());
    }

    public List<SlackUser> users(String teamId) {
        return state(teamId).map(state -> List.copyOf(state.users.values())).orElse(List.of());
    }

    /** The messages posted in a workspace, oldest first. */
    public List<SlackMessage> messages(String teamId) {
        return state(teamId).map(State::messages).orElse(List.of());
    }

    /** Issues a fresh bot token for a workspace, as an OAuth install does; empty when the workspace is unknown. */
    public Optional<String> issueBotToken(String teamId) {
        return workspace(teamId).map(workspace -> {
            String value = "xoxb-" + java.util.UUID.randomUUID().toString().replace("-", "");
            secrets.remember(value);
            tokens.put(value, new SlackToken(SlackToken.Kind.BOT, teamId, workspace.botUserId(), workspace.botId()));
            return value;
        });
    }

    /** The messages posted to one conversation (channel or DM id), oldest first. */
    public List<SlackMessage> messages(String teamId, String channelId) {
        return messages(teamId).stream().filter(message -> message.channel().equals(channelId)).toList();
    }

    /** One message by its conversation and ts. */
    public Optional<SlackMessage> message(String teamId, String channelId, String ts) {
        return state(teamId).map(state -> state.messages.get(key(channelId, ts)));
    }

    /**
     * A workspace member writes in a conversation (channel or DM id), as a person would in the Slack client:
     * the message has no bot id, so the app cannot {@code chat.update} it.
     *
     * @throws IllegalArgumentException when the workspace, the member or the conversation is unknown
     */
    public SlackMessage postAsMember(String teamId, String channelId, String userId, String text) {
        if (users(teamId).stream().noneMatch(user -> user.id().equals(userId) && !user.isBot())) {
            throw new IllegalArgumentException("No member " + userId + " in workspace " + teamId);
        }
        boolean dm = users(teamId).stream().anyMatch(user -> SlackChatApi.dmId(user.id()).equals(channelId));
        if (channel(teamId, channelId).isEmpty() && !dm) {
            throw new IllegalArgumentException("No conversation " + channelId + " in workspace " + teamId);
        }
        SlackMessage message = new SlackMessage(channelId, SlackChatApi.nextTs(), userId, null, text, null, null,
                java.time.Instant.now());
        addMessage(teamId, message);
        return message;
    }

    /** Stores a posted message. */
    void addMessage(String teamId, SlackMessage message) {
        state(teamId).ifPresent(state -> state.messages.put(key(message.channel(), message.ts()), message));
    }

    /** Replaces a stored message in place (same conversation and ts, same position); empty when there is none. */
    Optional<SlackMessage> replaceMessage(String teamId, String channelId, String ts,
            java.util.function.UnaryOperator<SlackMessage> change) {
        return state(teamId).map(state -> state.messages.computeIfPresent(key(channelId, ts), (key, old) -> change.apply(old)));
    }

    private static String key(String channelId, String ts) {
        return channelId + "/" + ts;
    }

    /** The workspace's bot token, for the seed API's masked view only. */
    Optional<String> botToken(String teamId) {
        return state(teamId).map(state -> state.botToken);
    }

    @Override
    public synchronized void reset() {
        workspaces.clear();
        tokens.clear();
        revokedOutOfBand.clear();
    }

    private Optional<State> state(String teamId) {
        return Optional.ofNullable(workspaces.get(teamId));
    }

    /** One workspace's mutable state; maps keep insertion order so listings read like the seed. */
    private static final class State {

        private final SlackWorkspace workspace;
        private final String botToken;
        private final Map<String, SlackChannel> channels = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Map<String, SlackUser> users = Collections.synchronizedMap(new LinkedHashMap<>());
        /** By conversation and ts, in posting order; an edit replaces the value and keeps its place. */
        private final Map<String, SlackMessage> messages = Collections.synchronizedMap(new LinkedHashMap<>());

        State(SlackWorkspace workspace, String botToken) {
            this.workspace = workspace;
            this.botToken = botToken;
        }

        List<SlackMessage> messages() {
            synchronized (messages) {
                return List.copyOf(messages.values());
            }
        }
    }
}
