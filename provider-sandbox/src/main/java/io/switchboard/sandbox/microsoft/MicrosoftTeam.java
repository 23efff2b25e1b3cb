package io.switchboard.sandbox.microsoft;

import java.util.Set;

/** A team of a tenant and its members (user ids); only members may list its channels or post in them. */
public record MicrosoftTeam(String id, String tenantId, String displayName, Set<String> memberIds) {

    public MicrosoftTeam {
        memberIds = Set.copyOf(memberIds);
    }

    public boolean hasMember(String userId) {
        return memberIds.contains(userId);
    }
}
