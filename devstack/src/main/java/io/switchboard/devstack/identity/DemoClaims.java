package io.switchboard.devstack.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims that make a token speak for a practice user, in one place for the identity server's token
 * customizer and the launcher's ready-made tokens: the services read {@code sub}, {@code practice_id},
 * {@code role} and {@code email} (see the platform's {@code Tenant}).
 */
public final class DemoClaims {

    public static final String SUBJECT = "sub";
    public static final String PRACTICE_ID = "practice_id";
    public static final String ROLE = "role";
    public static final String EMAIL = "email";
    public static final String NAME = "name";

    private DemoClaims() {
    }

    public static Map<String, Object> of(DemoUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(SUBJECT, user.id().toString());
        claims.put(PRACTICE_ID, user.practiceId().toString());
        claims.put(ROLE, user.role().name());
        claims.put(EMAIL, user.email());
        claims.put(NAME, user.name());
        return claims;
    }
}
