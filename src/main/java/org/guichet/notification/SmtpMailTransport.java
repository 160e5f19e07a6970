package org.guichet.notification;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends an outbox message over SMTP. Its {@code Message-ID} comes from the outbox row, so a retried mail is
 * recognisably the same one; a mail sent for an organizer carries their name in the sender's display name and
 * their address as Reply-To; a mail its recipient may switch off carries the one-click unsubscribe headers
 * (RFC 8058) mail providers ask bulk senders for.
 */
class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final MailPreferences preferences;

    SmtpMailTransport(JavaMailSender sender, String from, String baseUrl, MailPreferences preferences) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("guichet.mail.from is not an address: " + from, e);
        }
        this.messageIdDomain = URI.create(baseUrl).getHost();
        this.preferences = preferences;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        MimeMessage mime = new FixedIdMimeMessage(session(), "<outbox." + message.getId() + "."
                + message.getCreatedAt().toEpochMilli() + "@" + messageIdDomain + ">");
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(sender(message));
        helper.setTo(message.getRecipient());
        if (message.getReplyTo() != null) {
            helper.setReplyTo(message.getReplyTo());
        }
        helper.setSubject(message.getSubject());
        helper.setText(message.getTextBody(), message.getHtmlBody());
        for (OutboxAttachment attachment : message.getAttachments()) {
            helper.addAttachment(attachment.getFilename(), new ByteArrayResource(attachment.getContent()),
                    attachment.getContentType());
        }
        if (message.getKind().canUnsubscribe()) {
            mime.setHeader("List-Unsubscribe",
                    "<" + preferences.unsubscribeLink(message.getRecipient(), message.getKind(), message.getLocale()) + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        sender.send(mime);
    }

    private InternetAddress sender(OutboxMessage message) throws UnsupportedEncodingException {
        if (message.getSenderName() == null || message.getSenderName().isBlank()) {
            return from;
        }
        String platform = from.getPersonal() == null ? "Guichet" : from.getPersonal();
        return new InternetAddress(from.getAddress(), message.getSenderName() + " (" + platform + ")",
                StandardCharsets.UTF_8.name());
    }

    private Session session() {
        return sender instanceof JavaMailSenderImpl smtp ? smtp.getSession() : Session.getInstance(new Properties());
    }

    /** Keeps the outbox's Message-ID where JavaMail would make a new one at each attempt. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String id;

        FixedIdMimeMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
