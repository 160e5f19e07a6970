package org.guichet.support;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.guichet.notification.OutboxSender;

/** Delivers the outbox to GreenMail and reads what arrived, as a recipient would. */
public class TestMail {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    private final OutboxSender sender;

    TestMail(OutboxSender sender) {
        this.sender = sender;
    }

    /**
     * Runs the outbox sender until nothing due is left (tests share one database, so more than a batch may wait),
     * then returns every message received so far by this address.
     */
    public List<MimeMessage> deliverAndRead(String recipient) {
        int before = server().getReceivedMessages().length;
        int delivered = 0;
        for (int round = sender.sendDue(); round > 0; round = sender.sendDue()) {
            delivered += round;
        }
        // GreenMail files a message a moment after the SMTP conversation ends.
        server().waitForIncomingEmail(5_000, before + delivered);
        return receivedBy(recipient);
    }

    public List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> isFor(message, recipient))
                .toList();
    }

    public MimeMessage lastReceivedBy(String recipient) {
        List<MimeMessage> received = receivedBy(recipient);
        if (received.isEmpty()) {
            throw new AssertionError("No mail for " + recipient);
        }
        return received.get(received.size() - 1);
    }

    /** The path and query of the first link in the message's body, to follow with MockMvc. */
    public static String firstLinkPath(MimeMessage message) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        if (!matcher.find()) {
            throw new AssertionError("No link in the mail");
        }
        URI link = URI.create(matcher.group());
        return link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    /** The plain-text part, decoded, as the reader sees it. */
    public static String text(MimeMessage message) {
        try {
            return textOf(message.getContent());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                    String found = textOf(nested);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        return "";
    }

    private static GreenMail server() {
        return TestMailServer.get();
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
