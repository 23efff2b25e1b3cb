package io.switchboard.register.templates;

import java.util.List;

import io.switchboard.register.correspondence.AttachmentLink;

/** A template rendered for one client: the subject as text, the body as HTML with values escaped. */
public record RenderedEmail(String subject, String body, List<AttachmentLink> attachments) {
}
