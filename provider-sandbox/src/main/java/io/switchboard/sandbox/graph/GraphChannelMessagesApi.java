package io.switchboard.sandbox.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.sandbox.microsoft.MicrosoftChannel;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftTenants;
import io.switchboard.sandbox.microsoft.MicrosoftUser;
import io.switchboard.sandbox.microsoft.TeamsMessage;
import io.switchboard.sandbox.ratelimit.RateLimiter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1.0/teams/{team}/channels/{channel}/messages} with Teams' checks: the token's user is a
 * member of the team; the body is {@code html} or {@code text}; every {@code <at id="N">} has a
 * {@code mentions[]} entry naming a user of the tenant and every entry is used; every
 * {@code <attachment id>} has an attachment and every attachment is referenced, Adaptive Cards holding
 * card JSON. Limits: the app's per-tenant limit, and per channel {@code channel-message-per-channel}
 * (4/s) and {@code channel-messages-per-day} (3,000).
 */
@RestController
class GraphChannelMessagesApi {

    static final String PER_CHANNEL = "channel-message-per-channel";
    static final String PER_CHANNEL_PER_DAY = "channel-messages-per-day";
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private static final Pattern AT = Pattern.compile("<at\\s+id\\s*=\\s*[\"']?([^\"'\\s>]*)[\"']?\\s*>(.*?)</at>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ATTACHMENT = Pattern.compile("<attachment\\s+id\\s*=\\s*[\"']([^\"']*)[\"']",
            Pattern.CASE_INSENSITIVE);

    private final GraphAuthentication authentication;
    private final MicrosoftTenants tenants;
    private final RateLimiter limiter;
    private final JsonMapper json;

    GraphChannelMessagesApi(GraphAuthentication authentication, MicrosoftTenants tenants, RateLimiter limiter, JsonMapper json) {
        this.authentication = authentication;
        this.tenants = tenants;
        this.limiter = limiter;
        this.json = json;
    }

    @PostMapping("/v1.0/teams/{teamId}/channels/{channelId}/messages")
    ResponseEntity<ChatMessageView> post(@PathVariable String teamId, @PathVariable String channelId,
            @RequestBody(required = false) String payload, HttpServletRequest request) {
        MicrosoftGrant grant = authentication.authenticate(request);
        GraphDirectoryApi.memberTeam(tenants, grant, teamId);
        MicrosoftChannel channel = tenants.channel(grant.tenantId(), teamId, channelId)
                .orElseThrow(() -> GraphApiException.notFound("NotFound", "Channel " + channelId + " was not found in team "
                        + teamId + "."));
        String scope = grant.clientId() + "/" + teamId + "/" + channelId;
        limiter.acquire(GraphEmulator.NAME, PER_CHANNEL, scope);
        limiter.acquire(GraphEmulator.NAME, PER_CHANNEL_PER_DAY, scope);

        JsonNode message = parse(payload);
        JsonNode body = message.path("body");
        if (!body.isObject()) {
            throw GraphApiException.badRequest("Missing body content");
        }
        String contentType = body.path("contentType").isString() ? body.get("contentType").asString().toLowerCase(Locale.ROOT) : "text";
        if (!contentType.equals("html") && !contentType.equals("text")) {
            throw GraphApiException.badRequest("Invalid value '" + contentType + "' for body.contentType: must be html or text.");
        }
        String content = body.path("content").isString() ? body.get("content").asString() : "";
        List<TeamsMessage.Mention> mentions = mentions(message.path("mentions"), content, contentType, grant.tenantId());
        List<TeamsMessage.Attachment> attachments = attachments(message.path("attachments"), content);
        if (content.isBlank() && attachments.isEmpty()) {
            throw GraphApiException.badRequest("Missing body content");
        }
        String subject = message.path("subject").isString() ? message.get("subject").asString() : null;
        TeamsMessage stored = new TeamsMessage(MicrosoftTenants.nextMessageId(), grant.tenantId(), teamId, channel.id(),
                grant.userId(), grant.clientId(), subject, contentType, content, mentions, attachments,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        tenants.addMessage(stored);
        ChatMessageView view = view(stored);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(request.getRequestURL() + "/" + stored.id())).body(view);
    }

    private JsonNode parse(String payload) {
        JsonNode node = null;
        if (payload != null && !payload.isBlank()) {
            try {
                node = json.readTree(payload);
            } catch (JacksonException e) {
                node = null;
            }
        }
        if (node == null || !node.isObject()) {
            throw GraphApiException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set"
                    + " and payload is of valid JSON format.");
        }
        return node;
    }

    private List<TeamsMessage.Mention> mentions(JsonNode entries, String content, String contentType, String tenantId) {
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher at = AT.matcher(content);
        while (at.find()) {
            tags.putIfAbsent(at.group(1), at.group(2));
        }
        if (entries.isMissingNode() || entries.isNull()) {
            entries = json.createArrayNode();
        }
        if (!entries.isArray()) {
            throw GraphApiException.badRequest("mentions must be an array.");
        }
        if (!entries.isEmpty() && !contentType.equals("html")) {
            throw GraphApiException.badRequest("Mentions need body.contentType html: <at> tags are not read in text bodies.");
        }
        List<TeamsMessage.Mention> mentions = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.path("id").isIntegralNumber()) {
                throw GraphApiException.badRequest("mentions[" + i + "].id must be an integer.");
            }
            String id = Integer.toString(entry.get("id").asInt());
            if (!ids.add(id)) {
                throw GraphApiException.badRequest("mentions[" + i + "].id " + id + " is used by another mention.");
            }
            JsonNode userId = entry.path("mentioned").path("user").path("id");
            if (!userId.isString()) {
                throw GraphApiException.badRequest("mentions[" + i + "].mentioned.user.id is required: the sandbox emulates"
                        + " mentions of users.");
            }
            MicrosoftUser user = tenants.user(tenantId, userId.asString())
                    .filter(found -> found.id().equals(userId.asString()))
                    .orElseThrow(() -> GraphApiException.badRequest("mentions[" + id + "]: user " + userId.asString()
                            + " is not a user of the tenant."));
            if (!tags.containsKey(id)) {
                throw GraphApiException.badRequest("mentions[" + i + "] with id " + id + " has no <at id=\"" + id
                        + "\"> in the message body.");
            }
            String mentionText = entry.path("mentionText").isString() ? entry.get("mentionText").asString() : tags.get(id);
            mentions.add(new TeamsMessage.Mention(Integer.parseInt(id), mentionText, user.id()));
        }
        for (String tag : tags.keySet()) {
            if (!ids.contains(tag)) {
                throw GraphApiException.badRequest("The body's <at id=\"" + tag + "\"> has no mentions[] entry with id " + tag
                        + ".");
            }
        }
        return mentions;
    }

    private List<TeamsMessage.Attachment> attachments(JsonNode entries, String content) {
        Set<String> referenced = new LinkedHashSet<>();
        Matcher reference = ATTACHMENT.matcher(content);
        while (reference.find()) {
            referenced.add(reference.group(1));
        }
        if (entries.isMissingNode() || entries.isNull()) {
            entries = json.createArrayNode();
        }
        if (!entries.isArray()) {
            throw GraphApiException.badRequest("attachments must be an array.");
        }
        List<TeamsMessage.Attachment> attachments = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String id = text(entry, "id");
            String contentType = text(entry, "contentType");
            if (id == null || id.isBlank() || contentType == null || contentType.isBlank()) {
                throw GraphApiException.badRequest("attachments[" + i + "] needs an id and a contentType.");
            }
            if (!ids.add(id)) {
                throw GraphApiException.badRequest("attachments[" + i + "].id " + id + " is used by another attachment.");
            }
            if (!referenced.contains(id)) {
                throw GraphApiException.badRequest("Attachment " + id + " is not referenced by an <attachment id=\"" + id
                        + "\"></attachment> in the message body.");
            }
            String attachmentContent = text(entry, "content");
            if (ADAPTIVE_CARD.equalsIgnoreCase(contentType)) {
                requireAdaptiveCard(id, attachmentContent);
            }
            attachments.add(new TeamsMessage.Attachment(id, contentType, attachmentContent, text(entry, "contentUrl"),
                    text(entry, "name")));
        }
        for (String id : referenced) {
            if (!ids.contains(id)) {
                throw GraphApiException.badRequest("The body's <attachment id=\"" + id + "\"> has no attachments[] entry.");
            }
        }
        return attachments;
    }

    /** Teams reads an Adaptive Card from {@code content}, a string holding the card's JSON. */
    private void requireAdaptiveCard(String id, String content) {
        JsonNode card = null;
        if (content != null) {
            try {
                card = json.readTree(content);
            } catch (JacksonException e) {
                card = null;
            }
        }
        if (card == null || !card.isObject() || !"AdaptiveCard".equals(card.path("type").asString(""))) {
            throw GraphApiException.badRequest("Attachment " + id + ": content must be a string holding an Adaptive Card's"
                    + " JSON, with \"type\":\"AdaptiveCard\".");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private ChatMessageView view(TeamsMessage message) {
        String created = message.receivedAt().toString();
        MicrosoftUser sender = tenants.user(message.tenantId(), message.senderUserId()).orElseThrow();
        String webUrl = "https://teams.microsoft.com/l/message/" + URLEncoder.encode(message.channelId(), StandardCharsets.UTF_8)
                + "/" + message.id() + "?groupId=" + message.teamId() + "&tenantId="
                + message.tenantId() + "&createdTime=" + message.id() + "&parentMessageId=" + message.id();
        List<MentionView> mentions = message.mentions().stream().map(mention -> new MentionView(mention.id(), mention.mentionText(),
                new Mentioned(identity(tenants.user(message.tenantId(), mention.userId()).orElseThrow())))).toList();
        List<AttachmentView> attachments = message.attachments().stream().map(attachment -> new AttachmentView(attachment.id(),
                attachment.contentType(), attachment.contentUrl(), attachment.content(), attachment.name())).toList();
        return new ChatMessageView("https://graph.microsoft.com/v1.0/$metadata#teams('" + message.teamId() + "')/channels('"
                + message.channelId() + "')/messages/$entity", message.id(), null, message.id(), "message", created, created,
                message.subject(), "normal", "en-us", webUrl, new From(identity(sender)),
                new Body(message.contentType(), message.content()), new ChannelIdentity(message.teamId(), message.channelId()),
                attachments, mentions, List.of());
    }

    private static UserIdentity identity(MicrosoftUser user) {
        return new UserIdentity("#microsoft.graph.teamworkUserIdentity", user.id(), user.displayName(), "aadUser", user.tenantId());
    }

    /** The chatMessage Graph answers with. */
    record ChatMessageView(
            @JsonProperty("@odata.context") String context,
            String id,
            String replyToId,
            String etag,
            String messageType,
            String createdDateTime,
            String lastModifiedDateTime,
            String subject,
            String importance,
            String locale,
            String webUrl,
            From from,
            Body body,
            ChannelIdentity channelIdentity,
            List<AttachmentView> attachments,
            List<MentionView> mentions,
            List<Object> reactions) {
    }

    record From(UserIdentity user) {
    }

    record UserIdentity(@JsonProperty("@odata.type") String odataType, String id, String displayName, String userIdentityType,
            String tenantId) {
    }

    record Body(String contentType, String content) {
    }

    record ChannelIdentity(String teamId, String channelId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttachmentView(String id, String contentType, String contentUrl, String content, String name) {
    }

    record MentionView(int id, String mentionText, Mentioned mentioned) {
    }

    record Mentioned(UserIdentity user) {
    }
}
