package io.switchboard.sandbox.microsoft;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.Resettable;
import io.switchboard.sandbox.oauth.RandomTokens;

/**
 * The emulated Microsoft cloud: tenants with their users, teams, channels and the channel messages apps
 * posted; app registrations and tenant admins' consent to them; and the tokens the identity platform
 * issued. The identity endpoints and Graph read and change it; tests and the dev stack seed it, revoke a
 * user's grants and expire tokens through it.
 */
@Component
public class MicrosoftTenants implements Resettable {

    private static final AtomicLong LAST_MESSAGE_ID = new AtomicLong();

    private final MicrosoftProperties properties;
    private final IssuedSecrets secrets;
    private final Map<String, State> tenants = new ConcurrentHashMap<>();
    private final Map<String, MicrosoftApp> apps = new ConcurrentHashMap<>();
    private final Set<String> adminConsents = ConcurrentHashMap.newKeySet();
    private final Map<String, MicrosoftAccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration accessTokenLifetime;
    private volatile String signedInUserId;

    MicrosoftTenants(MicrosoftProperties properties, IssuedSecrets secrets) {
        this.properties = properties;
        this.secrets = secrets;
        this.accessTokenLifetime = properties.accessTokenLifetime();
    }

    /**
     * Creates a tenant with its users, teams and channels, registers its apps and records the consents it
     * names.
     *
     * @throws MicrosoftSeedRejectedException when the seed is invalid, or its tenant, a user, team or
     *         channel id, or an app (with another secret or redirect URIs) exists already
     */
    public synchronized MicrosoftTenant seed(MicrosoftTenantSeed seed) {
        List<MicrosoftTenantSeed.FieldError> errors = seed.validate();
        if (!errors.isEmpty()) {
            throw MicrosoftSeedRejectedException.invalid(errors);
        }
        MicrosoftTenant tenant = seed.tenant();
        if (tenants.containsKey(tenant.tenantId()) || tenant(tenant.domain()).isPresent()) {
            throw MicrosoftSeedRejectedException.conflict("A tenant with id " + tenant.tenantId() + " or domain "
                    + tenant.domain() + " exists already");
        }
        for (MicrosoftTenantSeed.User user : seed.users()) {
            if (userAnywhere(user.id()).isPresent() || userAnywhere(user.userPrincipalName()).isPresent()) {
                throw MicrosoftSeedRejectedException.conflict("User " + user.userPrincipalName() + " exists already");
            }
        }
        for (MicrosoftTenantSeed.Team team : seed.teams()) {
            boolean clash = allTenants().anyMatch(other -> other.teams.containsKey(team.id())
                    || team.channels().stream().anyMatch(channel -> other.channels.containsKey(channel.id())));
            if (clash) {
                throw MicrosoftSeedRejectedException.conflict("Team " + team.id() + " or one of its channels exists already");
            }
        }
        for (MicrosoftTenantSeed.App app : seed.apps()) {
            MicrosoftApp existing = apps.get(app.clientId());
            if (existing != null && !existing.equals(app.app())) {
                throw MicrosoftSeedRejectedException.conflict("App " + app.clientId() + " is registered already, differently");
            }
        }
        State state = new State(tenant);
        for (MicrosoftTenantSeed.User user : seed.users()) {
            String mail = user.mail() == null || user.mail().isBlank() ? user.userPrincipalName() : user.mail();
            String name = user.displayName() == null || user.displayName().isBlank() ? user.userPrincipalName() : user.displayName();
            state.users.put(user.id(), new MicrosoftUser(user.id(), tenant.tenantId(), user.userPrincipalName(), mail, name,
                    user.admin()));
        }
        for (MicrosoftTenantSeed.Team team : seed.teams()) {
            state.teams.put(team.id(), new MicrosoftTeam(team.id(), tenant.tenantId(), team.displayName(),
                    new LinkedHashSet<>(team.members())));
            for (MicrosoftTenantSeed.Channel channel : team.channels()) {
                state.channels.put(channel.id(), new MicrosoftChannel(channel.id(), team.id(), channel.displayName()));
            }
        }
        tenants.put(tenant.tenantId(), state);
        for (MicrosoftTenantSeed.App app : seed.apps()) {
            apps.put(app.clientId(), app.app());
            secrets.remember(app.clientSecret());
            if (app.adminConsented()) {
                adminConsents.add(consentKey(tenant.tenantId(), app.clientId()));
            }
        }
        return tenant;
    }

    /**
     * Registers an app (multi-tenant: any tenant's users may sign in to it once their admin consented).
     *
     * @throws MicrosoftSeedRejectedException when fields are missing or the client id is taken
     */
    public synchronized MicrosoftApp registerApp(MicrosoftApp app) {
        if (app == null || blank(app.clientId()) || blank(app.clientSecret()) || app.redirectUris().isEmpty()) {
            throw MicrosoftSeedRejectedException.invalid(List.of(
                    new MicrosoftTenantSeed.FieldError("app", "needs clientId, clientSecret and at least one redirect URI")));
        }
        MicrosoftApp existing = apps.putIfAbsent(app.clientId(), app);
        if (existing != null && !existing.equals(app)) {
            throw MicrosoftSeedRejectedException.conflict("App " + app.clientId() + " is registered already, differently");
        }
        secrets.remember(app.clientSecret());
        return app;
    }

    public Optional<MicrosoftApp> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
    }

    public List<MicrosoftApp> apps() {
        return List.copyOf(apps.values());
    }

    /** Records the tenant admin's consent to an app, as the admin consent endpoint does. */
    public void grantAdminConsent(String tenantId, String clientId) {
        MicrosoftTenant tenant = tenant(tenantId)
                .orElseThrow(() -> MicrosoftSeedRejectedException.notFound("No tenant " + tenantId));
        if (clientId == null || !apps.containsKey(clientId)) {
            throw MicrosoftSeedRejectedException.notFound("No app " + clientId);
        }
        adminConsents.add(consentKey(tenant.tenantId(), clientId));
    }

    public boolean hasAdminConsent(String tenantId, String clientId) {
        return adminConsents.contains(consentKey(tenantId, clientId));
    }

    /** The client ids a tenant's admin consented to. */
    public List<String> adminConsents(String tenantId) {
        String prefix = tenantId + "/";
        return adminConsents.stream().filter(key -> key.startsWith(prefix)).map(key -> key.substring(prefix.length()))
                .sorted().toList();
    }

    /** A tenant by id or domain (without case). */
    public Optional<MicrosoftTenant> tenant(String idOrDomain) {
        if (idOrDomain == null) {
            return Optional.empty();
        }
        State byId = tenants.get(idOrDomain);
        if (byId != null) {
            return Optional.of(byId.tenant);
        }
        return allTenants().map(state -> state.tenant).filter(tenant -> tenant.domain().equalsIgnoreCase(idOrDomain)
                || tenant.tenantId().equalsIgnoreCase(idOrDomain)).findFirst();
    }

    public List<MicrosoftTenant> tenants() {
        return allTenants().map(state -> state.tenant).toList();
    }

    public List<MicrosoftUser> users(String tenantId) {
        return state(tenantId).map(state -> List.copyOf(state.users.values())).orElse(List.of());
    }

    /** A user of a tenant by id, user principal name or mail. */
    public Optional<MicrosoftUser> user(String tenantId, String idOrUpnOrMail) {
        return users(tenantId).stream().filter(user -> user.isKnownAs(idOrUpnOrMail)).findFirst();
    }

    /** A user of any tenant by id, user principal name or mail, as a sign-in at {@code common} finds one. */
    public Optional<MicrosoftUser> userAnywhere(String idOrUpnOrMail) {
        return allTenants().flatMap(state -> state.users.values().stream())
                .filter(user -> user.isKnownAs(idOrUpnOrMail)).findFirst();
    }

    public List<MicrosoftTeam> teams(String tenantId) {
        return state(tenantId).map(state -> List.copyOf(state.teams.values())).orElse(List.of());
    }

    public Optional<MicrosoftTeam> team(String tenantId, String teamId) {
        return state(tenantId).map(state -> state.teams.get(teamId));
    }

    /** The teams a user is a member of, in seed order. */
    public List<MicrosoftTeam> joinedTeams(String tenantId, String userId) {
        return teams(tenantId).stream().filter(team -> team.hasMember(userId)).toList();
    }

    public List<MicrosoftChannel> channels(String tenantId, String teamId) {
        return state(tenantId).map(state -> state.channels.values().stream()
                .filter(channel -> channel.teamId().equals(teamId)).toList()).orElse(List.of());
    }

    public Optional<MicrosoftChannel> channel(String tenantId, String teamId, String channelId) {
        return state(tenantId).map(state -> state.channels.get(channelId)).filter(channel -> channel.teamId().equals(teamId));
    }

    /** The messages posted to a channel, oldest first. */
    public List<TeamsMessage> messages(String teamId, String channelId) {
        return messages().stream().filter(message -> message.teamId().equals(teamId) && message.channelId().equals(channelId))
                .toList();
    }

    /** Every channel message posted in any tenant, oldest first. */
    public List<TeamsMessage> messages() {
        return allTenants().flatMap(state -> state.messages.stream())
                .sorted(Comparator.comparingLong(message -> Long.parseLong(message.id())))
                .toList();
    }

    /** Stores a posted message. */
    public void addMessage(TeamsMessage message) {
        state(message.tenantId()).ifPresent(state -> state.messages.add(message));
    }

    /** A Teams-like message id (epoch milliseconds), strictly increasing across the sandbox. */
    public static String nextMessageId() {
        long now = System.currentTimeMillis();
        return Long.toString(LAST_MESSAGE_ID.updateAndGet(last -> Math.max(now, last + 1)));
    }

    /**
     * Signs a user in the sandbox's one browser session: an authorize or admin consent request without
     * {@code login_hint} then goes straight back to the app as this user, as with single sign-on.
     */
    public void signIn(String idOrUpn) {
        MicrosoftUser user = userAnywhere(idOrUpn)
                .orElseThrow(() -> MicrosoftSeedRejectedException.notFound("No user " + idOrUpn));
        signedInUserId = user.id();
    }

    public void signOut() {
        signedInUserId = null;
    }

    public Optional<MicrosoftUser> signedInUser() {
        String id = signedInUserId;
        return id == null ? Optional.empty() : userAnywhere(id);
    }

    /** Sets how long newly issued access tokens live (e.g. seconds in a test) until {@link #reset()}. */
    public void accessTokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("An access token lifetime must be positive, was " + lifetime);
        }
        accessTokenLifetime = lifetime;
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /** Issues an access token for a grant, and a refresh token beside it when asked. */
    public IssuedTokens issueTokens(MicrosoftGrant grant, boolean withRefreshToken) {
        Instant now = Instant.now();
        String access = "graph-at-" + RandomTokens.next();
        Instant expiresAt = now.plus(accessTokenLifetime);
        secrets.remember(access);
        accessTokens.put(access, new MicrosoftAccessToken(grant, expiresAt, false));
        String refresh = null;
        if (withRefreshToken) {
            refresh = "msrt-" + RandomTokens.next();
            secrets.remember(refresh);
            refreshTokens.put(refresh, new RefreshToken(grant, now.plus(properties.refreshTokenLifetime()), RefreshState.ACTIVE));
        }
        return new IssuedTokens(access, expiresAt, refresh, grant);
    }

    /** What an access token stands for, expired or revoked ones included; empty for one never issued. */
    public Optional<MicrosoftAccessToken> accessToken(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(value));
    }

    /** Spends a refresh token for {@code clientId}: each works once, the caller issues its replacement. */
    public RefreshRedemption redeemRefreshToken(String value, String clientId) {
        RefreshToken token = value == null ? null : refreshTokens.get(value);
        if (token == null) {
            return RefreshRedemption.refused(RefreshRedemption.Outcome.UNKNOWN);
        }
        if (!token.grant().clientId().equals(clientId)) {
            return RefreshRedemption.refused(RefreshRedemption.Outcome.OTHER_CLIENT);
        }
        if (token.state() == RefreshState.REVOKED) {
            return RefreshRedemption.refused(RefreshRedemption.Outcome.REVOKED);
        }
        if (token.state() == RefreshState.USED) {
            return RefreshRedemption.refused(RefreshRedemption.Outcome.ALREADY_USED);
        }
        if (!Instant.now().isBefore(token.expiresAt())) {
            return RefreshRedemption.refused(RefreshRedemption.Outcome.EXPIRED);
        }
        boolean spent = refreshTokens.replace(value, token, token.withState(RefreshState.USED));
        return spent ? new RefreshRedemption(RefreshRedemption.Outcome.REDEEMED, token.grant())
                : RefreshRedemption.refused(RefreshRedemption.Outcome.ALREADY_USED);
    }

    /**
     * Revokes every grant of a user (as "revoke sessions" or a password reset does): their access tokens
     * answer 401 at Graph and their refresh tokens {@code invalid_grant}.
     *
     * @return how many tokens were revoked
     */
    public int revokeGrants(String tenantId, String idOrUpn) {
        MicrosoftUser user = requireUser(tenantId, idOrUpn);
        int[] count = {0};
        accessTokens.replaceAll((value, token) -> {
            if (isOf(token.grant(), user) && !token.revoked()) {
                count[0]++;
                return new MicrosoftAccessToken(token.grant(), token.expiresAt(), true);
            }
            return token;
        });
        refreshTokens.replaceAll((value, token) -> {
            if (isOf(token.grant(), user) && token.state() != RefreshState.REVOKED) {
                count[0]++;
                return token.withState(RefreshState.REVOKED);
            }
            return token;
        });
        return count[0];
    }

    /**
     * Makes every access token of a user expire now, as if its lifetime had passed; their refresh tokens
     * keep working.
     *
     * @return how many access tokens expired
     */
    public int expireAccessTokens(String tenantId, String idOrUpn) {
        MicrosoftUser user = requireUser(tenantId, idOrUpn);
        Instant now = Instant.now();
        int[] count = {0};
        accessTokens.replaceAll((value, token) -> {
            if (isOf(token.grant(), user) && now.isBefore(token.expiresAt())) {
                count[0]++;
                return new MicrosoftAccessToken(token.grant(), now, token.revoked());
            }
            return token;
        });
        return count[0];
    }

    @Override
    public synchronized void reset() {
        tenants.clear();
        apps.clear();
        adminConsents.clear();
        accessTokens.clear();
        refreshTokens.clear();
        accessTokenLifetime = properties.accessTokenLifetime();
        signedInUserId = null;
    }

    private MicrosoftUser requireUser(String tenantId, String idOrUpn) {
        MicrosoftTenant tenant = tenant(tenantId)
                .orElseThrow(() -> MicrosoftSeedRejectedException.notFound("No tenant " + tenantId));
        return user(tenant.tenantId(), idOrUpn)
                .orElseThrow(() -> MicrosoftSeedRejectedException.notFound("No user " + idOrUpn + " in tenant " + tenantId));
    }

    private static boolean isOf(MicrosoftGrant grant, MicrosoftUser user) {
        return grant.tenantId().equals(user.tenantId()) && grant.userId().equals(user.id());
    }

    private Stream<State> allTenants() {
        return tenants.values().stream();
    }

    private Optional<State> state(String tenantIdOrDomain) {
        return tenant(tenantIdOrDomain).map(tenant -> tenants.get(tenant.tenantId()));
    }

    private static String consentKey(String tenantId, String clientId) {
        return tenantId + "/" + clientId;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private enum RefreshState {
        ACTIVE, USED, REVOKED
    }

    private record RefreshToken(MicrosoftGrant grant, Instant expiresAt, RefreshState state) {

        RefreshToken withState(RefreshState next) {
            return new RefreshToken(grant, expiresAt, next);
        }
    }

    /** One tenant's mutable state; maps keep insertion order so listings read like the seed. */
    private static final class State {

        private final MicrosoftTenant tenant;
        private final Map<String, MicrosoftUser> users = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Map<String, MicrosoftTeam> teams = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Map<String, MicrosoftChannel> channels = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Collection<TeamsMessage> messages = new ConcurrentLinkedDeque<>();

        State(MicrosoftTenant tenant) {
            this.tenant = tenant;
        }
    }
}
