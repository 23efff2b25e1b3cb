package io.switchboard.sandbox.google;

import java.util.Set;

/** What a token stands for: an account that let an OAuth client act for it with these scopes. */
public record GoogleGrant(String sub, String clientId, Set<String> scopes) {

    public GoogleGrant {
        scopes = Set.copyOf(scopes);
    }

    public boolean allowsAny(Set<String> wanted) {
        return wanted.stream().anyMatch(scopes::contains);
    }
}
