package io.switchboard.integration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;

/** A fresh practice per test, created the way the platform creates one, with an admin and a staff user. */
public final class PracticeMother {

    public final UUID id = UUID.randomUUID();
    public final UUID adminId = UUID.randomUUID();
    public final UUID staffId = UUID.randomUUID();
    public final String adminEmail = "admin-" + id + "@practice.example";
    public final String staffEmail = "staff-" + id + "@practice.example";
    private final Api api;

    private PracticeMother(Api api) {
        this.api = api;
    }

    /** A practice with no one in its directory. */
    public static PracticeMother empty(Api api, String name) {
        PracticeMother practice = new PracticeMother(api);
        Api.Response created = api.post("/internal/practices", TestTokens.service("internal"),
                Map.of("id", practice.id.toString(), "name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return practice;
    }

    /** A practice whose directory has its admin and one staff user. */
    public static PracticeMother withStaff(Api api, String name) {
        PracticeMother practice = empty(api, name);
        practice.addUser(practice.adminId, practice.adminEmail, "Alex Admin", "PRACTICE_ADMIN");
        practice.addUser(practice.staffId, practice.staffEmail, "Sam Staff", "STAFF");
        return practice;
    }

    public Api.Response addUser(UUID userId, String email, String name, String role) {
        Api.Response added = api.post("/directory/users", admin(),
                Map.of("id", userId.toString(), "email", email, "displayName", name, "role", role));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added;
    }

    public String admin() {
        return TestTokens.user(id, adminId, Role.PRACTICE_ADMIN);
    }

    public String staff() {
        return TestTokens.user(id, staffId, Role.STAFF);
    }
}
