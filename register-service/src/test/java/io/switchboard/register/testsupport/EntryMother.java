package io.switchboard.register.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.platform.test.Api;

/** Correspondence entry request bodies: a valid phone message or note, changed one field at a time. */
public final class EntryMother {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> share = new ArrayList<>();

    private EntryMother(String type, UUID clientId, String subject) {
        body.put("type", type);
        body.put("clientId", clientId);
        body.put("subject", subject);
        body.put("body", "Called about the quarterly BAS.\n\nWants to know   the due date.");
    }

    public static EntryMother phoneMessage(UUID clientId) {
        EntryMother entry = new EntryMother("PHONE_MESSAGE", clientId, "Please call back");
        entry.body.put("callerName", "Linh Nguyen");
        entry.body.put("callerPhone", "+61 400 000 101");
        entry.body.put("bestTimeToCall", "after 3pm");
        return entry;
    }

    public static EntryMother fileNote(UUID clientId, String subject) {
        return new EntryMother("FILE_NOTE", clientId, subject);
    }

    public static EntryMother of(String type, UUID clientId, String subject) {
        return new EntryMother(type, clientId, subject);
    }

    public EntryMother with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public EntryMother without(String field) {
        body.remove(field);
        return this;
    }

    public EntryMother forRecipient(UUID userId) {
        return with("recipientUserId", userId);
    }

    public EntryMother at(Instant occurredAt) {
        return with("occurredAt", occurredAt.toString());
    }

    public EntryMother attachment(String name, String url) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) body.computeIfAbsent("attachments",
                k -> new ArrayList<Map<String, Object>>());
        attachments.add(Map.of("name", name, "url", url));
        return this;
    }

    public EntryMother sharedTo(Map<String, Object> target) {
        share.add(target);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (!share.isEmpty()) {
            copy.put("share", List.copyOf(share));
        }
        return copy;
    }

    /** Records the entry through the API; its id. */
    public UUID create(Api api, String token) {
        Api.Response response = api.post("/entries", token, build());
        if (response.status() != 201) {
            throw new IllegalStateException("could not record entry: " + response.status() + " " + response.body());
        }
        return UUID.fromString(response.json().get("id").asText());
    }

    public static Map<String, Object> practiceDefault() {
        return Map.of("kind", "USE_PRACTICE_DEFAULT");
    }

    public static Map<String, Object> emailTo(String address) {
        return Map.of("kind", "EMAIL", "emailAddress", address);
    }

    public static Map<String, Object> directMessage(String provider, UUID userId) {
        return Map.of("kind", "DIRECT_MESSAGE", "provider", provider, "userIds", List.of(userId));
    }

    public static Map<String, Object> slackChannel(String id, String name) {
        return Map.of("kind", "CHANNEL", "provider", "SLACK", "channel", Map.of("id", id, "name", name));
    }
}
