package io.switchboard.sandbox.google;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Google's OAuth scopes the sandbox knows, and which of them open which Gmail calls. */
public final class GoogleScopes {

    public static final String OPENID = "openid";
    public static final String USERINFO_EMAIL = "https://www.googleapis.com/auth/userinfo.email";
    public static final String USERINFO_PROFILE = "https://www.googleapis.com/auth/userinfo.profile";
    public static final String MAIL = "https://mail.google.com/";
    private static final String GMAIL = "https://www.googleapis.com/auth/gmail.";
    public static final String GMAIL_MODIFY = GMAIL + "modify";
    public static final String GMAIL_READONLY = GMAIL + "readonly";
    public static final String GMAIL_METADATA = GMAIL + "metadata";
    public static final String GMAIL_COMPOSE = GMAIL + "compose";
    public static final String GMAIL_SEND = GMAIL + "send";
    public static final String GMAIL_ADDON_MESSAGE_READONLY = GMAIL + "addons.current.message.readonly";
    public static final String GMAIL_ADDON_MESSAGE_ACTION = GMAIL + "addons.current.message.action";
    public static final String GMAIL_ADDON_MESSAGE_METADATA = GMAIL + "addons.current.message.metadata";

    /** Reading whole messages, their attachments, lists and history. */
    public static final Set<String> GMAIL_READ = Set.of(MAIL, GMAIL_MODIFY, GMAIL_READONLY);
    /** Reading ids, labels and headers only (lists, history, {@code format=metadata|minimal}, the profile). */
    public static final Set<String> GMAIL_READ_METADATA = Set.of(MAIL, GMAIL_MODIFY, GMAIL_READONLY, GMAIL_METADATA, GMAIL_COMPOSE);
    public static final Set<String> GMAIL_SEND_ANY = Set.of(MAIL, GMAIL_MODIFY, GMAIL_COMPOSE, GMAIL_SEND);
    /**
     * The add-on scopes, which Google limits to the message open in the add-on (named by a per-message access
     * token); the sandbox lets them read any single message by id, and nothing else.
     */
    public static final Set<String> GMAIL_ADDON_MESSAGE = Set.of(GMAIL_ADDON_MESSAGE_READONLY, GMAIL_ADDON_MESSAGE_ACTION);
    public static final Set<String> GMAIL_ADDON_MESSAGE_ANY = Set.of(GMAIL_ADDON_MESSAGE_READONLY, GMAIL_ADDON_MESSAGE_ACTION,
            GMAIL_ADDON_MESSAGE_METADATA);

    private GoogleScopes() {
    }

    /** A space-separated scope parameter, with Google's short names ({@code email}, {@code profile}) spelled out. */
    public static Set<String> parse(String scope) {
        if (scope == null) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).map(GoogleScopes::normalize)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String join(Set<String> scopes) {
        return scopes.stream().sorted().collect(Collectors.joining(" "));
    }

    /** Whether Google would accept the scope in an authorization request. */
    public static boolean isKnown(String scope) {
        return scope.equals(OPENID) || scope.equals(MAIL) || scope.startsWith("https://www.googleapis.com/auth/");
    }

    private static String normalize(String scope) {
        return switch (scope) {
            case "email" -> USERINFO_EMAIL;
            case "profile" -> USERINFO_PROFILE;
            default -> scope;
        };
    }
}
