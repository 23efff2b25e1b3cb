package io.switchboard.notifier.inapp.web;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.notifier.inapp.Inbox;
import io.switchboard.notifier.inapp.InboxItem;
import io.switchboard.notifier.inapp.InboxPage;
import io.switchboard.notifier.inapp.InboxStreams;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The caller's own in-app inbox (N5): always scoped by the token's practice and user. */
@RestController
@RequestMapping("/inbox")
@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'STAFF')")
@Tag(name = "Inbox", description = "The signed-in user's in-app notifications")
class InboxController {

    private final Inbox inbox;
    private final InboxStreams streams;

    InboxController(Inbox inbox, InboxStreams streams) {
        this.inbox = inbox;
        this.streams = streams;
    }

    @GetMapping
    @Operation(summary = "The caller's inbox, newest first, with total and unread counts")
    InboxPage list(@RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                   @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(Inbox.MAX_PAGE_SIZE) int size) {
        Tenant me = Tenant.current();
        return inbox.page(me.practiceId(), me.userId(), page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of the caller's items are unread")
    InboxStreams.UnreadCount unreadCount() {
        Tenant me = Tenant.current();
        return new InboxStreams.UnreadCount(inbox.unreadCount(me.practiceId(), me.userId()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's items read (idempotent)",
            description = "Another user's or practice's item answers 404, like a missing one.")
    InboxItem markRead(@PathVariable UUID id) {
        Tenant me = Tenant.current();
        return inbox.markRead(me.practiceId(), me.userId(), id);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all of the caller's items read (idempotent)")
    ReadAll markAllRead() {
        Tenant me = Tenant.current();
        return new ReadAll(inbox.markAllRead(me.practiceId(), me.userId()), 0);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of the caller's inbox (Server-Sent Events)",
            description = "Events: `unread` `{\"unread\": n}` at once and whenever the count changes; `item` with a new "
                    + "item (event id = item id); a `:keep-alive` comment line every heartbeat. Changes made on any "
                    + "notifier instance arrive (PostgreSQL LISTEN/NOTIFY). The stream ends after the stream timeout; "
                    + "reconnect and reload the first page (EventSource does the reconnecting).")
    SseEmitter stream() {
        Tenant me = Tenant.current();
        return streams.open(me.practiceId(), me.userId());
    }

    /** @param marked how many items this call marked read; {@code unread} is then 0 */
    record ReadAll(int marked, long unread) {
    }
}
