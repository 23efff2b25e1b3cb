package io.switchboard.sandbox.gmail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.sandbox.google.GmailHistoryRecord;
import io.switchboard.sandbox.google.GmailMessage;
import io.switchboard.sandbox.google.GoogleAccount;
import io.switchboard.sandbox.google.GoogleAccounts;
import io.switchboard.sandbox.google.GoogleProperties;
import io.switchboard.sandbox.google.GoogleScopes;
import io.switchboard.sandbox.google.MimePart;

/**
 * The Gmail API methods the services use, at {@code /gmail/v1/users/{userId}/…}: {@code messages.get} (formats
 * full, metadata, minimal, raw), {@code messages.attachments.get}, {@code messages.list} (paged, {@code q} knows
 * {@code from:} only), {@code messages.send} (JSON {@code raw}), {@code history.list} ({@code messageAdded}) and
 * {@code getProfile}. Each charges its quota units to the user's per-minute budget.
 */
@RestController
class GmailApi {

    private static final String USERS = "/gmail/v1/users/{userId}";
    private static final int MAX_RESULTS = 500;
    private static final String ATTACHMENT_ID_PREFIX = "ANGjdJ";

    private final GoogleAccounts google;
    private final GmailAuthentication authentication;
    private final GoogleProperties.QuotaUnits units;
    private final int pageSize;

    GmailApi(GoogleAccounts google, GmailAuthentication authentication, GoogleProperties properties) {
        this.google = google;
        this.authentication = authentication;
        this.units = properties.quotaUnits();
        this.pageSize = properties.pageSize();
    }

    @GetMapping(USERS + "/profile")
    Profile profile(@PathVariable String userId, HttpServletRequest request) {
        GoogleAccount account = authentication.authenticate(request, userId, GoogleScopes.GMAIL_READ_METADATA,
                units.getProfile()).account();
        List<GmailMessage> messages = google.messages(account.sub());
        long threads = messages.stream().map(GmailMessage::threadId).distinct().count();
        return new Profile(account.email(), messages.size(), threads, Long.toString(google.historyId(account.sub())));
    }

    @GetMapping(USERS + "/messages/{id}")
    Message get(@PathVariable String userId, @PathVariable String id,
            @RequestParam(defaultValue = "full") String format,
            @RequestParam(required = false) List<String> metadataHeaders,
            HttpServletRequest request) {
        String wanted = format.toLowerCase(Locale.ROOT);
        boolean headersOnly = wanted.equals("metadata") || wanted.equals("minimal");
        if (!headersOnly && !wanted.equals("full") && !wanted.equals("raw")) {
            throw GmailApiException.invalidArgument("Invalid value at 'format' (" + format + ")");
        }
        GmailAuthentication.Caller caller = authentication.authenticate(request, userId,
                union(GoogleScopes.GMAIL_READ_METADATA, GoogleScopes.GMAIL_ADDON_MESSAGE_ANY), units.messagesGet());
        if (!headersOnly && !caller.grant().allowsAny(union(GoogleScopes.GMAIL_READ, GoogleScopes.GMAIL_ADDON_MESSAGE))) {
            throw GmailApiException.forbidden("Metadata scope doesn't allow format " + format.toUpperCase(Locale.ROOT));
        }
        GoogleAccount account = caller.account();
        GmailMessage message = google.message(account.sub(), id).orElseThrow(GmailApiException::notFound);
        Message minimal = new Message(message.id(), message.threadId(), message.labelIds(), message.snippet(),
                Long.toString(message.historyId()), Long.toString(message.internalDate().toEpochMilli()),
                message.raw().length, null, null);
        return switch (wanted) {
            case "minimal" -> minimal;
            case "raw" -> minimal.withRaw(Base64.getUrlEncoder().encodeToString(message.raw()));
            case "metadata" -> minimal.withPayload(metadata(message.payload(), metadataHeaders));
            default -> minimal.withPayload(part(message.id(), message.payload()));
        };
    }

    @GetMapping(USERS + "/messages/{messageId}/attachments/{attachmentId}")
    Body attachment(@PathVariable String userId, @PathVariable String messageId, @PathVariable String attachmentId,
            HttpServletRequest request) {
        Set<String> scopes = union(GoogleScopes.GMAIL_READ, GoogleScopes.GMAIL_ADDON_MESSAGE);
        GoogleAccount account = authentication.authenticate(request, userId, scopes, units.attachmentsGet()).account();
        GmailMessage message = google.message(account.sub(), messageId).orElseThrow(GmailApiException::notFound);
        MimePart part = partIdOf(messageId, attachmentId).flatMap(message.payload()::find)
                .filter(MimePart::isAttachment)
                .orElseThrow(() -> GmailApiException.invalidArgument("Invalid attachment token"));
        return new Body(null, part.body().length, Base64.getUrlEncoder().encodeToString(part.body()));
    }

    @GetMapping(USERS + "/messages")
    MessageList list(@PathVariable String userId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String pageToken,
            @RequestParam(required = false) List<String> labelIds,
            HttpServletRequest request) {
        GmailAuthentication.Caller caller = authentication.authenticate(request, userId, GoogleScopes.GMAIL_READ_METADATA,
                units.messagesList());
        if (q != null && !q.isBlank() && !caller.grant().allowsAny(GoogleScopes.GMAIL_READ)) {
            throw GmailApiException.forbidden("Metadata scope does not support 'q' parameter");
        }
        Predicate<GmailMessage> matches = query(q);
        List<GmailMessage> found = google.messages(caller.account().sub()).stream()
                .filter(message -> labelIds == null || message.labelIds().containsAll(labelIds))
                .filter(matches)
                .sorted(Comparator.comparing(GmailMessage::internalDate).thenComparing(GmailMessage::id).reversed())
                .toList();
        Page<GmailMessage> page = page(found, maxResults, pageToken);
        List<Ref> refs = page.items().stream().map(message -> new Ref(message.id(), message.threadId())).toList();
        return new MessageList(refs.isEmpty() ? null : refs, page.nextPageToken(), found.size());
    }

    @PostMapping(USERS + "/messages/send")
    Message send(@PathVariable String userId, @RequestBody(required = false) SendRequest body, HttpServletRequest request) {
        GoogleAccount account = authentication.authenticate(request, userId, GoogleScopes.GMAIL_SEND_ANY,
                units.messagesSend()).account();
        if (body == null || body.raw() == null || body.raw().isBlank()) {
            throw GmailApiException.invalidArgument("'raw' RFC822 payload message string or uploading message via /upload/*"
                    + " URL required");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(body.raw().trim().replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw GmailApiException.invalidArgument("Invalid value for ByteString: " + body.raw());
        }
        MimePart parsed;
        try {
            parsed = MimePart.parse(raw);
        } catch (IllegalArgumentException e) {
            throw GmailApiException.invalidArgument("Invalid RFC822 message: " + e.getMessage());
        }
        validateOutgoing(account, parsed);
        GmailMessage sent = google.send(account.sub(), raw, body.threadId());
        return new Message(sent.id(), sent.threadId(), sent.labelIds(), null, null, null, null, null, null);
    }

    @GetMapping(USERS + "/history")
    HistoryList history(@PathVariable String userId,
            @RequestParam(required = false) String startHistoryId,
            @RequestParam(required = false) List<String> historyTypes,
            @RequestParam(required = false) String labelId,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String pageToken,
            HttpServletRequest request) {
        GoogleAccount account = authentication.authenticate(request, userId, GoogleScopes.GMAIL_READ_METADATA,
                units.historyList()).account();
        if (startHistoryId == null || startHistoryId.isBlank()) {
            throw GmailApiException.invalidArgument("Missing required parameter: startHistoryId");
        }
        long start;
        try {
            start = Long.parseUnsignedLong(startHistoryId.trim());
        } catch (NumberFormatException e) {
            throw GmailApiException.invalidArgument("Invalid value at 'start_history_id' (TYPE_UINT64), \"" + startHistoryId + "\"");
        }
        List<GmailHistoryRecord> records = google.historySince(account.sub(), start).orElseThrow(GmailApiException::notFound);
        boolean addedWanted = historyTypes == null || historyTypes.isEmpty()
                || historyTypes.stream().anyMatch(type -> type.equalsIgnoreCase("messageAdded"));
        List<GmailHistoryRecord> wanted = addedWanted
                ? records.stream().filter(record -> labelId == null || record.message().hasLabel(labelId)).toList()
                : List.of();
        Page<GmailHistoryRecord> page = page(wanted, maxResults, pageToken);
        List<History> history = page.items().stream().map(record -> {
            GmailMessage message = record.message();
            return new History(Long.toString(record.id()), List.of(new Ref(message.id(), message.threadId())),
                    List.of(new MessageAdded(new AddedMessage(message.id(), message.threadId(), message.labelIds()))));
        }).toList();
        return new HistoryList(history.isEmpty() ? null : history, page.nextPageToken(),
                Long.toString(google.historyId(account.sub())));
    }

    /** Gmail sends as the account: the From must be it (send-as aliases are not emulated); To and Subject must be there. */
    private static void validateOutgoing(GoogleAccount account, MimePart message) {
        String from = message.header("From").orElse(null);
        if (from == null || !from.toLowerCase(Locale.ROOT).contains(account.email().toLowerCase(Locale.ROOT))) {
            throw GmailApiException.invalidArgument("Invalid From header: '" + (from == null ? "" : from)
                    + "' is not the authenticated account " + account.email());
        }
        Optional<String> to = message.header("To").filter(value -> value.contains("@"));
        if (to.isEmpty()) {
            throw GmailApiException.invalidArgument("Invalid To header");
        }
        if (message.header("Subject").filter(value -> !value.isBlank()).isEmpty()) {
            throw GmailApiException.invalidArgument("Missing Subject header");
        }
    }

    private static Predicate<GmailMessage> query(String q) {
        if (q == null || q.isBlank()) {
            return message -> true;
        }
        List<Predicate<GmailMessage>> terms = new ArrayList<>();
        for (String term : q.trim().split("\\s+")) {
            if (!term.toLowerCase(Locale.ROOT).startsWith("from:")) {
                throw GmailApiException.invalidArgument("The provider sandbox understands only 'from:' in q, not '" + term + "'");
            }
            String address = term.substring(5).toLowerCase(Locale.ROOT);
            terms.add(message -> message.from() != null && message.from().toLowerCase(Locale.ROOT).contains(address));
        }
        return message -> terms.stream().allMatch(term -> term.test(message));
    }

    private <T> Page<T> page(List<T> all, Integer maxResults, String pageToken) {
        int size = maxResults == null || maxResults <= 0 ? pageSize : Math.min(maxResults, MAX_RESULTS);
        int offset = 0;
        if (pageToken != null && !pageToken.isBlank()) {
            try {
                offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw GmailApiException.invalidArgument("Invalid pageToken");
            }
        }
        int from = Math.min(offset, all.size());
        int to = Math.min(from + size, all.size());
        String next = to < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(all.subList(from, to), next);
    }

    private static Part part(String messageId, MimePart part) {
        Body body;
        if (part.isMultipart()) {
            body = new Body(null, 0, null);
        } else if (part.isAttachment()) {
            body = new Body(attachmentId(messageId, part.partId()), part.body().length, null);
        } else {
            body = new Body(null, part.body().length, Base64.getUrlEncoder().encodeToString(part.body()));
        }
        List<Part> children = part.parts().stream().map(child -> part(messageId, child)).toList();
        return new Part(part.partId(), part.mimeType(), part.filename(), headers(part, null), body,
                children.isEmpty() ? null : children);
    }

    private static Part metadata(MimePart payload, List<String> wanted) {
        return new Part(null, payload.mimeType(), null, headers(payload, wanted), null, null);
    }

    private static List<Header> headers(MimePart part, List<String> wanted) {
        Set<String> names = wanted == null || wanted.isEmpty() ? null : lowerCase(wanted);
        return part.headers().stream()
                .filter(header -> names == null || names.contains(header.name().toLowerCase(Locale.ROOT)))
                .map(header -> new Header(header.name(), header.decodedValue()))
                .toList();
    }

    private static Set<String> lowerCase(List<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /** Opaque to clients; the sandbox's are stable, where Gmail's change between calls. */
    private static String attachmentId(String messageId, String partId) {
        return ATTACHMENT_ID_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((messageId + "/" + partId).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> partIdOf(String messageId, String attachmentId) {
        if (!attachmentId.startsWith(ATTACHMENT_ID_PREFIX)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(attachmentId.substring(ATTACHMENT_ID_PREFIX.length())),
                    StandardCharsets.UTF_8);
            String prefix = messageId + "/";
            return decoded.startsWith(prefix) ? Optional.of(decoded.substring(prefix.length())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private record Page<T>(List<T> items, String nextPageToken) {
    }

    record SendRequest(String raw, String threadId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String id, String threadId, List<String> labelIds, String snippet, String historyId, String internalDate,
            Integer sizeEstimate, Part payload, String raw) {

        Message withPayload(Part newPayload) {
            return new Message(id, threadId, labelIds, snippet, historyId, internalDate, sizeEstimate, newPayload, raw);
        }

        Message withRaw(String newRaw) {
            return new Message(id, threadId, labelIds, snippet, historyId, internalDate, sizeEstimate, payload, newRaw);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Part(String partId, String mimeType, String filename, List<Header> headers, Body body, List<Part> parts) {
    }

    record Header(String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String attachmentId, int size, String data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageList(List<Ref> messages, String nextPageToken, int resultSizeEstimate) {
    }

    record Ref(String id, String threadId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HistoryList(List<History> history, String nextPageToken, String historyId) {
    }

    record History(String id, List<Ref> messages, List<MessageAdded> messagesAdded) {
    }

    record MessageAdded(AddedMessage message) {
    }

    record AddedMessage(String id, String threadId, List<String> labelIds) {
    }

    record Profile(String emailAddress, int messagesTotal, long threadsTotal, String historyId) {
    }
}
