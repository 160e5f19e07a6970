package org.guichet.notification.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.guichet.notification.DevMailbox;
import org.guichet.notification.OutboxAttachment;
import org.guichet.notification.OutboxMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The development mailbox: with no SMTP server configured, every mail Guichet writes can be read here, links
 * included. Never present in production (the prod profile refuses to start with it on).
 */
@Controller
@ConditionalOnProperty(name = "guichet.dev-mailbox.enabled", havingValue = "true")
class DevMailboxController {

    /** A mail's own HTML, shown alone: no script, its inline styles allowed, links open normally. */
    private static final String MAIL_HTML_POLICY = "default-src 'none'; img-src 'self' data:; "
            + "style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final DevMailbox mailbox;

    DevMailboxController(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/dev/mailbox")
    String list(Model model) {
        model.addAttribute("messages", mailbox.latest());
        return "dev/mailbox";
    }

    @GetMapping("/dev/mailbox/{id}")
    String show(@PathVariable long id, Model model) {
        OutboxMessage message = find(id);
        model.addAttribute("message", message);
        model.addAttribute("links", message.isRendered()
                ? LINK.matcher(message.getTextBody()).results().map(MatchResult::group).distinct().toList()
                : List.of());
        return "dev/mail";
    }

    @GetMapping("/dev/mailbox/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) {
        OutboxMessage message = find(id);
        if (!message.isRendered()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_HTML_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(message.getHtmlBody());
    }

    @GetMapping("/dev/mailbox/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        OutboxAttachment attachment = find(id).getAttachments().stream()
                .filter(candidate -> candidate.getId() == attachmentId && candidate.getContent() != null).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.getFilename(), StandardCharsets.UTF_8).build().toString())
                .body(attachment.getContent());
    }

    private OutboxMessage find(long id) {
        return mailbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
