package io.switchboard.sandbox.slack;

import java.util.LinkedHashSet;
import java.util.Set;

/** A conversation in a workspace and who is in it; the app can post to it only if its bot user is a member. */
public record SlackChannel(String id, String name, boolean isPrivate, boolean isArchived, Set<String> members) {

    public SlackChannel {
        members = Set.copyOf(members);
    }

    public boolean hasMember(String userId) {
        return members.contains(userId);
    }

    public SlackChannel withMember(String userId) {
        Set<String> more = new LinkedHashSet<>(members);
        more.add(userId);
        return new SlackChannel(id, name, isPrivate, isArchived, more);
    }
}
