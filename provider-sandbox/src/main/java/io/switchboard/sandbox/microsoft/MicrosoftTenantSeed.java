package io.switchboard.sandbox.microsoft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant to create, as a test or the dev stack describes it ({@code POST /sandbox/api/microsoft/tenants}):
 * its users (with who is a tenant admin), teams with their members and channels, and the apps registered
 * for it, optionally with the tenant admin's consent already given. The display name is derived from the
 * domain when left out.
 */
public record MicrosoftTenantSeed(
        String tenantId,
        String domain,
        String displayName,
        List<User> users,
        List<Team> teams,
        List<App> apps) {

    public MicrosoftTenantSeed {
        users = users == null ? List.of() : List.copyOf(users);
        teams = teams == null ? List.of() : List.copyOf(teams);
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    /** A user; {@code mail} defaults to the user principal name. */
    public record User(String id, String userPrincipalName, String mail, String displayName, boolean admin) {

        public static User member(String id, String userPrincipalName, String displayName) {
            return new User(id, userPrincipalName, userPrincipalName, displayName, false);
        }

        public static User admin(String id, String userPrincipalName, String displayName) {
            return new User(id, userPrincipalName, userPrincipalName, displayName, true);
        }
    }

    /** A team; {@code members} are user ids of this tenant. */
    public record Team(String id, String displayName, List<String> members, List<Channel> channels) {

        public Team {
            members = members == null ? List.of() : List.copyOf(members);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /** A channel; its id looks like Teams', {@code 19:…@thread.tacv2}. */
    public record Channel(String id, String displayName) {
    }

    /** An app registration; with {@code adminConsented} the tenant's admin has consented to it already. */
    public record App(String clientId, String clientSecret, String displayName, List<String> redirectUris,
            boolean adminConsented) {

        public App {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }

        MicrosoftApp app() {
            return new MicrosoftApp(clientId, clientSecret, displayName, redirectUris);
        }
    }

    /** A field the seed got wrong, as the problem response lists it. */
    public record FieldError(String field, String message) {
    }

    List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "tenantId", tenantId);
        requireText(errors, "domain", domain);
        Set<String> userIds = new HashSet<>();
        Set<String> upns = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String field = "users[" + i + "]";
            requireText(errors, field + ".id", user.id());
            requireText(errors, field + ".userPrincipalName", user.userPrincipalName());
            if (user.id() != null && !userIds.add(user.id())) {
                errors.add(new FieldError(field + ".id", "is used by another user"));
            }
            if (user.userPrincipalName() != null && !upns.add(user.userPrincipalName().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field + ".userPrincipalName", "is used by another user"));
            }
        }
        Set<String> teamIds = new HashSet<>();
        Set<String> channelIds = new HashSet<>();
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            String field = "teams[" + i + "]";
            requireText(errors, field + ".id", team.id());
            requireText(errors, field + ".displayName", team.displayName());
            if (team.id() != null && !teamIds.add(team.id())) {
                errors.add(new FieldError(field + ".id", "is used by another team"));
            }
            for (int m = 0; m < team.members().size(); m++) {
                if (!userIds.contains(team.members().get(m))) {
                    errors.add(new FieldError(field + ".members[" + m + "]", "is not the id of a user of this tenant"));
                }
            }
            for (int c = 0; c < team.channels().size(); c++) {
                Channel channel = team.channels().get(c);
                String channelField = field + ".channels[" + c + "]";
                requireText(errors, channelField + ".displayName", channel.displayName());
                if (channel.id() == null || !channel.id().startsWith("19:") || !channel.id().contains("@thread.")) {
                    errors.add(new FieldError(channelField + ".id", "must look like a Teams channel id, 19:…@thread.tacv2"));
                } else if (!channelIds.add(channel.id())) {
                    errors.add(new FieldError(channelField + ".id", "is used by another channel"));
                }
            }
        }
        for (int i = 0; i < apps.size(); i++) {
            App app = apps.get(i);
            requireText(errors, "apps[" + i + "].clientId", app.clientId());
            requireText(errors, "apps[" + i + "].clientSecret", app.clientSecret());
            if (app.redirectUris().isEmpty()) {
                errors.add(new FieldError("apps[" + i + "].redirectUris", "needs at least one redirect URI"));
            }
        }
        return errors;
    }

    MicrosoftTenant tenant() {
        String name = displayName != null && !displayName.isBlank() ? displayName : domain.split("\\.")[0];
        return new MicrosoftTenant(tenantId, domain.toLowerCase(Locale.ROOT), name);
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }
}
