package io.switchboard.sandbox.mail;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The mails received over SMTP as JSON, oldest first: {@code GET /sandbox/api/mail}; {@code DELETE} forgets them. */
@RestController
class MailApi {

    private final MailStore store;

    MailApi(MailStore store) {
        this.store = store;
    }

    @GetMapping("/sandbox/api/mail")
    List<ReceivedMail> mails() {
        return store.mails();
    }

    @DeleteMapping("/sandbox/api/mail")
    ResponseEntity<Void> clear() {
        store.reset();
        return ResponseEntity.noContent().build();
    }
}
