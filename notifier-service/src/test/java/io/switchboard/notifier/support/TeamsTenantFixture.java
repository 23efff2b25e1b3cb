package io.switchboard.notifier.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftTenantSeed;

/**
 * A fresh sandbox Microsoft tenant per test (users by display name, one team with all of them and one channel),
 * consented for a fresh practice through the integration stand-in. Users connect their own account with
 * {@link #connect}: the stand-in then hands out real sandbox tokens, issued afresh on every refresh.
 */
public final class TeamsTenantFixture {

    public static final String CLIENT_ID = "switchboard-notifier-test";

    private final UUID practice = UUID.randomUUID();
    private final String tenantId = UUID.randomUUID().toString();
    private final String teamId = UUID.randomUUID().toString();
    private final String channelId = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    private final String channelName = "front-desk";
    private final Map<String, String> microsoftIds = new LinkedHashMap<>();

    private TeamsTenantFixture(List<String> displayNames) {
        String domain = "t" + tenantId.substring(0, 8) + ".example.test";
        List<MicrosoftTenantSeed.User> users = displayNames.stream().map(name -> {
            String id = UUID.randomUUID().toString();
            microsoftIds.put(name, id);
            return MicrosoftTenantSeed.User.member(id, name.toLowerCase().replace(' ', '.') + "@" + domain, name);
        }).toList();
        ProviderSandbox.shared().microsoft().seed(new MicrosoftTenantSeed(tenantId, domain, null, users,
                List.of(new MicrosoftTenantSeed.Team(teamId, "Practice", List.copyOf(microsoftIds.values()),
                        List.of(new MicrosoftTenantSeed.Channel(channelId, channelName)))), List.of()));
        IntegrationStub.shared().connectTeams(practice);
    }

    public static TeamsTenantFixture create(String... displayNames) {
        return new TeamsTenantFixture(List.of(displayNames));
    }

    public UUID practice() {
        return practice;
    }

    public String tenantId() {
        return tenantId;
    }

    public String teamId() {
        return teamId;
    }

    public String channelId() {
        return channelId;
    }

    public ChannelRef channel() {
        return ChannelRef.teams(teamId, channelId, channelName);
    }

    public String microsoftId(String displayName) {
        return microsoftIds.get(displayName);
    }

    /** A real delegated token of this user, as integration-service would hold after the user connected. */
    public String issueToken(String displayName) {
        return ProviderSandbox.shared().microsoft().issueTokens(
                new MicrosoftGrant(tenantId, microsoftId(displayName), CLIENT_ID, "ChannelMessage.Send"), false).accessToken();
    }

    /** The user connected their own Microsoft account: the stand-in hands out fresh sandbox tokens. */
    public void connect(UUID userId, String displayName) {
        IntegrationStub.shared().connectTeamsUser(practice, userId, tenantId, microsoftId(displayName),
                () -> issueToken(displayName));
    }
}
