package io.switchboard.notifier.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for integration-service's internal token endpoints: the practice's Slack bot token
 * ({@code GET /internal/practices/{id}/connections/slack/token}) and a user's delegated Teams token
 * ({@code GET /internal/practices/{id}/users/{user}/connections/teams/token[?refresh=true]},
 * {@code POST …/connections/teams/rejected}) and a user's delegated Gmail token
 * ({@code GET …/users/{user}/connections/gmail/token[?refresh=true]}, {@code POST …/connections/gmail/rejected}),
 * answering problem+json with a {@code reason} as integration-service does. The real pairing is tested end to end.
 */
public final class IntegrationStub {

    private static final Pattern PATH = Pattern.compile("/internal/practices/([0-9a-f-]{36})/connections/slack/token");
    private static final Pattern TEAMS = Pattern.compile(
            "/internal/practices/([0-9a-f-]{36})/users/([0-9a-f-]{36})/connections/teams/(token|rejected)");
    private static final Pattern GMAIL = Pattern.compile(
            "/internal/practices/([0-9a-f-]{36})/users/([0-9a-f-]{36})/connections/gmail/(token|rejected)");

    /** A user's Gmail connection: {@code tokens} issues a fresh access token (first call and every refresh). */
    private static final class GmailUser {
        final String email;
        final String googleUserId;
        final List<String> scopes;
        final Supplier<String> tokens;
        volatile boolean broken;
        volatile String current;

        GmailUser(String email, String googleUserId, List<String> scopes, Supplier<String> tokens) {
            this.email = email;
            this.googleUserId = googleUserId;
            this.scopes = scopes;
            this.tokens = tokens;
        }
    }

    private final Set<UUID> gmailPractices = ConcurrentHashMap.newKeySet();
    private final Map<String, GmailUser> gmailUsers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> gmailRejections = new ConcurrentHashMap<>();
    private final List<String> gmailTokenRequests = new CopyOnWriteArrayList<>();

    /** A user's Teams connection: {@code tokens} issues a fresh access token (first call and every refresh). */
    private static final class TeamsUser {
        final String tenantId;
        final String microsoftUserId;
        final Supplier<String> tokens;
        volatile String current;

        TeamsUser(String tenantId, String microsoftUserId, Supplier<String> tokens) {
            this.tenantId = tenantId;
            this.microsoftUserId = microsoftUserId;
            this.tokens = tokens;
        }
    }

    private final Set<UUID> brokenSlack = ConcurrentHashMap.newKeySet();
    private final Set<UUID> teamsPractices = ConcurrentHashMap.newKeySet();
    private final Map<String, TeamsUser> teamsUsers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> rejections = new ConcurrentHashMap<>();
    private final List<String> teamsTokenRequests = new CopyOnWriteArrayList<>();
    private static volatile IntegrationStub shared;

    /** Slack token requests held until the test releases them (integration-service slow to answer). */
    public static final class Hold {
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();

        /** Requests waiting for {@link #release} right now. */
        public int waiting() {
            return waiting.get();
        }

        public void release() {
            released.countDown();
        }

        void await() {
            waiting.incrementAndGet();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    private final Map<UUID, Hold> slackHolds = new ConcurrentHashMap<>();
    private final Set<UUID> slackUnavailable = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> slackTokenRequests = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final Map<UUID, String[]> connections = new ConcurrentHashMap<>();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    private IntegrationStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/", this::handle);
        // One thread per request: a held request must not hold up everyone else's.
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "integration-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static IntegrationStub shared() {
        if (shared == null) {
            synchronized (IntegrationStub.class) {
                if (shared == null) {
                    try {
                        shared = new IntegrationStub();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void connect(UUID practiceId, String teamId, String botUserId, String botToken) {
        connections.put(practiceId, new String[] {teamId, botUserId, botToken});
    }

    public void disconnect(UUID practiceId) {
        connections.remove(practiceId);
    }

    /** The practice's Slack token requests wait until {@link Hold#release} (and answer as usual then). */
    public Hold holdSlackToken(UUID practiceId) {
        Hold hold = new Hold();
        slackHolds.put(practiceId, hold);
        return hold;
    }

    /** While {@code unavailable}, the practice's Slack token endpoint answers 503, as an integration-service outage. */
    public void slackTokenUnavailable(UUID practiceId, boolean unavailable) {
        if (unavailable) {
            slackUnavailable.add(practiceId);
        } else {
            slackUnavailable.remove(practiceId);
        }
    }

    /** Slack token requests for this practice so far (held ones included). */
    public int slackTokenRequests(UUID practiceId) {
        AtomicInteger count = slackTokenRequests.get(practiceId);
        return count == null ? 0 : count.get();
    }

    /** The Slack token endpoint answers 409 CONNECTION_NEEDS_REAUTH, as once integration-service marked it broken. */
    public void breakSlack(UUID practiceId) {
        brokenSlack.add(practiceId);
    }

    /** The practice consented to Teams; its users without a connection answer 404 USER_NOT_CONNECTED. */
    public void connectTeams(UUID practiceId) {
        teamsPractices.add(practiceId);
    }

    public void connectTeamsUser(UUID practiceId, UUID userId, String tenantId, String microsoftUserId,
                                 Supplier<String> tokens) {
        teamsPractices.add(practiceId);
        teamsUsers.put(practiceId + "/" + userId, new TeamsUser(tenantId, microsoftUserId, tokens));
    }

    /** The reasons posted to {@code …/teams/rejected} for this user. */
    public List<String> teamsRejections(UUID practiceId, UUID userId) {
        return rejections.getOrDefault(practiceId + "/" + userId, List.of());
    }

    /** Token requests for this user, as {@code "token"} or {@code "token?refresh=true"}. */
    public List<String> teamsTokenRequests(UUID practiceId, UUID userId) {
        String prefix = practiceId + "/" + userId + " ";
        return teamsTokenRequests.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length())).toList();
    }

    /** Gmail is enabled for the practice; its users without a connection answer 404 USER_NOT_CONNECTED. */
    public void enableGmail(UUID practiceId) {
        gmailPractices.add(practiceId);
    }

    /** The user connected their Google account {@code email} with {@code scopes}; {@code tokens} issues access tokens. */
    public void connectGmailUser(UUID practiceId, UUID userId, String email, String googleUserId, List<String> scopes,
                                 Supplier<String> tokens) {
        gmailPractices.add(practiceId);
        gmailUsers.put(practiceId + "/" + userId, new GmailUser(email, googleUserId, List.copyOf(scopes), tokens));
    }

    /** The reasons posted to {@code …/gmail/rejected} for this user. */
    public List<String> gmailRejections(UUID practiceId, UUID userId) {
        return gmailRejections.getOrDefault(practiceId + "/" + userId, List.of());
    }

    /** Gmail token requests for this user, as {@code "token"} or {@code "token?refresh=true"}. */
    public List<String> gmailTokenRequests(UUID practiceId, UUID userId) {
        String prefix = practiceId + "/" + userId + " ";
        return gmailTokenRequests.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length())).toList();
    }

    /** Every Gmail token request, as {@code "<practice>/<user> token[?refresh=true]"}. */
    public List<String> gmailTokenRequests() {
        return List.copyOf(gmailTokenRequests);
    }

    /** Calls that came without a bearer token (must stay 0). */
    public int unauthenticatedCalls() {
        return unauthenticated.get();
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            unauthenticated.incrementAndGet();
            respond(exchange, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
            return;
        }
        Matcher teams = TEAMS.matcher(exchange.getRequestURI().getPath());
        if (teams.matches()) {
            teams(exchange, UUID.fromString(teams.group(1)), UUID.fromString(teams.group(2)), teams.group(3));
            return;
        }
        Matcher gmail = GMAIL.matcher(exchange.getRequestURI().getPath());
        if (gmail.matches()) {
            gmail(exchange, UUID.fromString(gmail.group(1)), UUID.fromString(gmail.group(2)), gmail.group(3));
            return;
        }
        Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
        if (m.matches()) {
            slackTokenRequests.computeIfAbsent(UUID.fromString(m.group(1)), k -> new AtomicInteger()).incrementAndGet();
            Hold hold = slackHolds.get(UUID.fromString(m.group(1)));
            if (hold != null) {
                hold.await();
            }
            if (slackUnavailable.contains(UUID.fromString(m.group(1)))) {
                respond(exchange, 503, "application/problem+json", "{\"status\":503,\"title\":\"Service Unavailable\"}");
                return;
            }
        }
        if (m.matches() && brokenSlack.contains(UUID.fromString(m.group(1)))) {
            respond(exchange, 409, "application/problem+json",
                    "{\"status\":409,\"title\":\"Conflict\",\"reason\":\"CONNECTION_NEEDS_REAUTH\"}");
            return;
        }
        String[] connection = m.matches() ? connections.get(UUID.fromString(m.group(1))) : null;
        if (connection == null) {
            respond(exchange, 404, "application/problem+json",
                    "{\"status\":404,\"title\":\"Not Found\",\"reason\":\"PROVIDER_DISCONNECTED\"}");
            return;
        }
        respond(exchange, 200, "application/json", "{\"teamId\":\"" + connection[0] + "\",\"botUserId\":\""
                + connection[1] + "\",\"botToken\":\"" + connection[2] + "\"}");
    }

    private void teams(HttpExchange exchange, UUID practiceId, UUID userId, String action) throws IOException {
        String key = practiceId + "/" + userId;
        if (action.equals("rejected")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            rejections.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        boolean refresh = query != null && query.contains("refresh=true");
        teamsTokenRequests.add(key + " token" + (refresh ? "?refresh=true" : ""));
        TeamsUser user = teamsUsers.get(key);
        if (!teamsPractices.contains(practiceId)) {
            respond(exchange, 404, "application/problem+json",
                    "{\"status\":404,\"title\":\"Not Found\",\"reason\":\"PROVIDER_DISCONNECTED\"}");
            return;
        }
        if (user == null) {
            respond(exchange, 404, "application/problem+json",
                    "{\"status\":404,\"title\":\"Not Found\",\"reason\":\"USER_NOT_CONNECTED\"}");
            return;
        }
        synchronized (user) {
            if (user.current == null || refresh) {
                user.current = user.tokens.get();
            }
        }
        respond(exchange, 200, "application/json", "{\"tenantId\":\"" + user.tenantId + "\",\"microsoftUserId\":\""
                + user.microsoftUserId + "\",\"accessToken\":\"" + user.current + "\",\"expiresAt\":\""
                + Instant.now().plus(Duration.ofHours(1)) + "\"}");
    }

    /** As integration-service: 404 PROVIDER_DISCONNECTED / USER_NOT_CONNECTED, 409 CONNECTION_NEEDS_REAUTH once rejected. */
    private void gmail(HttpExchange exchange, UUID practiceId, UUID userId, String action) throws IOException {
        String key = practiceId + "/" + userId;
        GmailUser user = gmailUsers.get(key);
        if (action.equals("rejected")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            gmailRejections.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(body);
            if (user != null) {
                user.broken = true;
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        boolean refresh = query != null && query.contains("refresh=true");
        gmailTokenRequests.add(key + " token" + (refresh ? "?refresh=true" : ""));
        if (!gmailPractices.contains(practiceId)) {
            respond(exchange, 404, "application/problem+json",
                    "{\"status\":404,\"title\":\"Not Found\",\"reason\":\"PROVIDER_DISCONNECTED\"}");
            return;
        }
        if (user == null) {
            respond(exchange, 404, "application/problem+json",
                    "{\"status\":404,\"title\":\"Not Found\",\"reason\":\"USER_NOT_CONNECTED\"}");
            return;
        }
        if (user.broken) {
            respond(exchange, 409, "application/problem+json",
                    "{\"status\":409,\"title\":\"Conflict\",\"reason\":\"CONNECTION_NEEDS_REAUTH\"}");
            return;
        }
        synchronized (user) {
            if (user.current == null || refresh) {
                user.current = user.tokens.get();
            }
        }
        String scopes = user.scopes.stream().map(scope -> "\"" + scope + "\"").reduce((a, b) -> a + "," + b).orElse("");
        respond(exchange, 200, "application/json", "{\"email\":\"" + user.email + "\",\"googleUserId\":\""
                + user.googleUserId + "\",\"accessToken\":\"" + user.current + "\",\"expiresAt\":\""
                + Instant.now().plus(Duration.ofHours(1)) + "\",\"scopes\":[" + scopes + "]}");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
