package io.switchboard.devstack.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dev stack's seeded users, read from the one file both the identity server and the launcher use
 * ({@value #RESOURCE}), so the users who can log in and the users who get ready-made tokens are the same.
 */
public final class DemoUsers {

    public static final String RESOURCE = "demo/users.json";

    private final List<DemoUser> users;

    private DemoUsers(List<DemoUser> users) {
        this.users = List.copyOf(users);
    }

    /** The users from {@value #RESOURCE} on the classpath. */
    public static DemoUsers load() {
        try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Directory directory = JsonMapper.builder().build().readValue(in, Directory.class);
            return new DemoUsers(directory.practices().stream()
                    .flatMap(practice -> practice.users().stream().map(user -> new DemoUser(user.id(), user.email(),
                            user.name(), user.role(), practice.id(), practice.name())))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    /** Every user, practice by practice, in file order. */
    public List<DemoUser> all() {
        return users;
    }

    /** The user who logs in with this email, ignoring case as logins do. */
    public Optional<DemoUser> byEmail(String email) {
        return users.stream().filter(user -> user.email().equalsIgnoreCase(email)).findFirst();
    }

    private record Directory(List<Practice> practices) {
    }

    private record Practice(UUID id, String name, List<User> users) {
    }

    private record User(UUID id, String name, String email, DemoRole role) {
    }
}
