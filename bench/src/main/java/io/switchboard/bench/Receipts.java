package io.switchboard.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.mail.ReceivedMail;
import io.switchboard.sandbox.recording.RecordedRequest;

/**
 * What the sandbox received, keyed by the entry each call carries (its Record Summary link names it): the
 * receive time of every successful post, so a second post of one entry shows as a duplicate; and the
 * 429s it answered.
 */
public final class Receipts {

    static final Pattern ENTRY_LINK = Pattern.compile(Pattern.quote(BenchStack.PUBLIC_URL)
            + "/register/entries/([0-9a-f-]{36})");

    /** entry id → receive times (ms) of each accepted Slack post. */
    final Map<String, List<Long>> slack = new HashMap<>();
    /** entry id → receive times (ms) of each mail. */
    final Map<String, List<Long>> mail = new HashMap<>();
    int slack429;
    int slackErrors;
    int slackCalls;

    static Receipts read(ProviderSandbox sandbox, long sinceMillis) {
        Receipts receipts = new Receipts();
        for (RecordedRequest request : sandbox.requests("slack")) {
            if (!request.path().endsWith("/chat.postMessage") || request.receivedAt().toEpochMilli() < sinceMillis) {
                continue;
            }
            receipts.slackCalls++;
            if (request.status() == 429) {
                receipts.slack429++;
                continue;
            }
            if (request.status() != 200) {
                receipts.slackErrors++;
                continue;
            }
            String entry = entryOf(request.form().toString() + request.body() + request.json());
            if (entry != null) {
                receipts.slack.computeIfAbsent(entry, e -> new ArrayList<>()).add(request.receivedAt().toEpochMilli());
            }
        }
        for (ReceivedMail mail : sandbox.mails()) {
            if (mail.receivedAt().toEpochMilli() < sinceMillis) {
                continue;
            }
            String entry = entryOf(mail.text() + " " + mail.html());
            if (entry != null) {
                receipts.mail.computeIfAbsent(entry, e -> new ArrayList<>()).add(mail.receivedAt().toEpochMilli());
            }
        }
        return receipts;
    }

    static String entryOf(String text) {
        if (text == null) {
            return null;
        }
        Matcher link = ENTRY_LINK.matcher(text);
        return link.find() ? link.group(1) : null;
    }

    Map<String, List<Long>> of(String channel) {
        return channel.equals("email") ? mail : slack;
    }
}
