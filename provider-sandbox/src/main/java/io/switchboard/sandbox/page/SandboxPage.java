package io.switchboard.sandbox.page;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.switchboard.sandbox.google.GoogleAccount;
import io.switchboard.sandbox.google.GoogleAccounts;
import io.switchboard.sandbox.mail.MailStore;
import io.switchboard.sandbox.mail.ReceivedMail;
import io.switchboard.sandbox.mail.SmtpCapture;
import io.switchboard.sandbox.microsoft.MicrosoftTenant;
import io.switchboard.sandbox.microsoft.MicrosoftTenants;
import io.switchboard.sandbox.microsoft.TeamsMessage;
import io.switchboard.sandbox.provider.ProviderEmulators;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.recording.RequestRecorder;

/**
 * The page a developer opens to see what the sandbox holds and received: Microsoft tenants, recent provider
 * calls, Teams channel messages, Google accounts with their Gmail mailboxes, and mails, newest first. Everything shown came from a client, so every
 * value is escaped and the page runs no script.
 */
@RestController
class SandboxPage {

    private static final int REQUESTS_SHOWN = 200;
    private static final int MAILS_SHOWN = 100;
    private static final int MESSAGES_SHOWN = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final RequestRecorder recorder;
    private final MailStore mails;
    private final SmtpCapture smtp;
    private final ProviderEmulators emulators;
    private final MicrosoftTenants microsoft;
    private final GoogleAccounts google;

    SandboxPage(RequestRecorder recorder, MailStore mails, SmtpCapture smtp, ProviderEmulators emulators,
            MicrosoftTenants microsoft, GoogleAccounts google) {
        this.google = google;
        this.recorder = recorder;
        this.mails = mails;
        this.smtp = smtp;
        this.emulators = emulators;
        this.microsoft = microsoft;
    }

    @GetMapping("/")
    ResponseEntity<Void> home() {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/sandbox").build();
    }

    @GetMapping({"/sandbox", "/sandbox/"})
    ResponseEntity<String> page(@RequestParam(required = false) String provider) {
        String selected = provider == null || provider.isBlank() ? null : provider;
        List<RecordedRequest> requests = newestFirst(recorder.requests(selected, null), REQUESTS_SHOWN);
        List<ReceivedMail> received = newestFirst(mails.mails(), MAILS_SHOWN);
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Provider sandbox</title>")
                .append("<style>body{font:14px system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}")
                .append("pre{margin:0;white-space:pre-wrap;word-break:break-all;max-height:12rem;overflow:auto}")
                .append(".s4,.s5{color:#a00}</style></head><body>")
                .append("<h1>Provider sandbox</h1><p>SMTP on port ").append(smtp.port())
                .append(" · JSON: <a href=\"/sandbox/api/requests\">requests</a>, <a href=\"/sandbox/api/mail\">mail</a>, ")
                .append("<a href=\"/sandbox/api/limits\">limits</a>, <a href=\"/sandbox/api/slack/workspaces\">Slack workspaces</a>, ")
                .append("<a href=\"/sandbox/api/microsoft/tenants\">Microsoft tenants</a>, ")
                .append("<a href=\"/sandbox/api/microsoft/messages\">Teams messages</a>, ")
                .append("<a href=\"/sandbox/api/google/accounts\">Google accounts</a>")
                .append(" · <a href=\"/actuator/health\">health</a></p>");
        html.append("<h2>Requests</h2><p>Provider: <a href=\"/sandbox\">all</a>");
        for (String name : emulators.names()) {
            html.append(" · <a href=\"/sandbox?provider=").append(escape(name)).append("\">").append(escape(name)).append("</a>");
        }
        html.append("</p>");
        appendRequests(html, requests);
        html.append("<h2>Microsoft tenants</h2>");
        appendTenants(html);
        html.append("<h2>Teams channel messages</h2>");
        appendTeamsMessages(html, newestFirst(microsoft.messages(), MESSAGES_SHOWN));
        html.append("<h2>Google accounts (Gmail)</h2>");
        appendGoogleAccounts(html);
        html.append("<h2>Mail</h2>");
        appendMails(html, received);
        html.append("</body></html>");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(html.toString());
    }

    private static void appendRequests(StringBuilder html, List<RecordedRequest> requests) {
        if (requests.isEmpty()) {
            html.append("<p>No requests yet.</p>");
            return;
        }
        html.append("<table><tr><th>#</th><th>received (UTC)</th><th>provider</th><th>request</th><th>status</th>")
                .append("<th>query / form / body</th><th>headers</th></tr>");
        for (RecordedRequest request : requests) {
            html.append("<tr><td>").append(request.id())
                    .append("</td><td>").append(escape(TIME.format(request.receivedAt())))
                    .append("</td><td>").append(escape(request.provider()))
                    .append("</td><td>").append(escape(request.method())).append(' ').append(escape(request.path()))
                    .append("</td><td class=\"s").append(request.status() / 100).append("\">").append(request.status())
                    .append("</td><td><pre>").append(escape(payload(request)))
                    .append("</pre></td><td><pre>").append(escape(lines(request.headers())))
                    .append("</pre></td></tr>");
        }
        html.append("</table>");
    }

    private void appendTenants(StringBuilder html) {
        List<MicrosoftTenant> tenants = microsoft.tenants();
        if (tenants.isEmpty()) {
            html.append("<p>No tenants seeded.</p>");
            return;
        }
        html.append("<table><tr><th>tenant</th><th>users</th><th>teams and channels</th><th>admin consented apps</th></tr>");
        for (MicrosoftTenant tenant : tenants) {
            String id = tenant.tenantId();
            String users = microsoft.users(id).stream()
                    .map(user -> user.userPrincipalName() + " (" + user.id() + ")" + (user.admin() ? " admin" : ""))
                    .collect(Collectors.joining("\n"));
            String teams = microsoft.teams(id).stream()
                    .map(team -> team.displayName() + " (" + team.id() + ", " + team.memberIds().size() + " members)"
                            + microsoft.channels(id, team.id()).stream()
                                    .map(channel -> "\n  #" + channel.displayName() + " " + channel.id())
                                    .collect(Collectors.joining()))
                    .collect(Collectors.joining("\n"));
            html.append("<tr><td>").append(escape(tenant.displayName())).append("<br>").append(escape(tenant.domain()))
                    .append("<br>").append(escape(id))
                    .append("</td><td><pre>").append(escape(users))
                    .append("</pre></td><td><pre>").append(escape(teams))
                    .append("</pre></td><td><pre>").append(escape(String.join("\n", microsoft.adminConsents(id))))
                    .append("</pre></td></tr>");
        }
        html.append("</table>");
    }

    private void appendGoogleAccounts(StringBuilder html) {
        List<GoogleAccount> accounts = google.accounts();
        if (accounts.isEmpty()) {
            html.append("<p>No Google accounts seeded.</p>");
            return;
        }
        html.append("<table><tr><th>account</th><th>history id</th><th>messages, newest first (id, labels, from → to, subject)</th></tr>");
        for (GoogleAccount account : accounts) {
            String messages = newestFirst(google.messages(account.sub()), MESSAGES_SHOWN).stream()
                    .map(message -> message.id() + " [" + String.join(",", message.labelIds()) + "] " + message.from() + " → "
                            + String.join(", ", message.to()) + ": " + message.subject()
                            + (message.attachments().isEmpty() ? "" : " (" + message.attachments().size() + " attachments)"))
                    .collect(Collectors.joining("\n"));
            html.append("<tr><td>").append(escape(account.displayName())).append("<br>").append(escape(account.email()))
                    .append("<br>").append(escape(account.sub()))
                    .append("</td><td>").append(google.historyId(account.sub()))
                    .append("</td><td><pre>").append(escape(messages))
                    .append("</pre></td></tr>");
        }
        html.append("</table>");
    }

    private static void appendTeamsMessages(StringBuilder html, List<TeamsMessage> messages) {
        if (messages.isEmpty()) {
            html.append("<p>No Teams messages yet.</p>");
            return;
        }
        html.append("<table><tr><th>id</th><th>received (UTC)</th><th>team / channel</th><th>sender / app</th>")
                .append("<th>body (source)</th><th>mentions</th><th>attachments</th></tr>");
        for (TeamsMessage message : messages) {
            String mentions = message.mentions().stream()
                    .map(mention -> mention.id() + ": " + mention.mentionText() + " → " + mention.userId())
                    .collect(Collectors.joining("\n"));
            String attachments = message.attachments().stream()
                    .map(attachment -> attachment.id() + " " + attachment.contentType() + "\n" + attachment.content())
                    .collect(Collectors.joining("\n"));
            html.append("<tr><td>").append(escape(message.id()))
                    .append("</td><td>").append(escape(TIME.format(message.receivedAt())))
                    .append("</td><td>").append(escape(message.teamId())).append("<br>").append(escape(message.channelId()))
                    .append("</td><td>").append(escape(message.senderUserId())).append("<br>").append(escape(message.clientId()))
                    .append("</td><td><pre>").append(escape(message.contentType() + ": " + message.content()))
                    .append("</pre></td><td><pre>").append(escape(mentions))
                    .append("</pre></td><td><pre>").append(escape(attachments))
                    .append("</pre></td></tr>");
        }
        html.append("</table>");
    }

    private static void appendMails(StringBuilder html, List<ReceivedMail> received) {
        if (received.isEmpty()) {
            html.append("<p>No mail yet.</p>");
            return;
        }
        html.append("<table><tr><th>#</th><th>received (UTC)</th><th>from</th><th>to</th><th>subject</th>")
                .append("<th>text</th><th>html (source)</th></tr>");
        for (ReceivedMail mail : received) {
            html.append("<tr><td>").append(mail.id())
                    .append("</td><td>").append(escape(TIME.format(mail.receivedAt())))
                    .append("</td><td>").append(escape(mail.from()))
                    .append("</td><td>").append(escape(String.join(", ", mail.to())))
                    .append("</td><td>").append(escape(mail.parseError() != null ? "unreadable: " + mail.parseError() : mail.subject()))
                    .append("</td><td><pre>").append(escape(mail.text()))
                    .append("</pre></td><td><pre>").append(escape(mail.html()))
                    .append("</pre></td></tr>");
        }
        html.append("</table>");
    }

    private static String payload(RecordedRequest request) {
        StringBuilder text = new StringBuilder();
        if (!request.query().isEmpty()) {
            text.append("query: ").append(pairs(request.query())).append('\n');
        }
        if (!request.form().isEmpty()) {
            text.append("form: ").append(pairs(request.form())).append('\n');
        }
        if (request.json() != null) {
            text.append(request.json().toString());
        } else if (request.body() != null) {
            text.append(request.body());
        }
        return text.toString();
    }

    private static String pairs(Map<String, List<String>> parameters) {
        return parameters.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> entry.getKey() + "=" + value))
                .collect(Collectors.joining("&"));
    }

    private static String lines(Map<String, String> headers) {
        return headers.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst, int limit) {
        List<T> newest = new ArrayList<>(oldestFirst.subList(Math.max(0, oldestFirst.size() - limit), oldestFirst.size()));
        Collections.reverse(newest);
        return newest;
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
