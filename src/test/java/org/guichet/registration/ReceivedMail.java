package org.guichet.registration;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.guichet.support.TestMail;

/** A received mail's bodies, decoded, as its reader sees them (reminders' and change notices' tests). */
final class ReceivedMail {

    private ReceivedMail() {
    }

    /** The plain-text part, its lines ended as in the template. */
    static String text(MimeMessage message) {
        return TestMail.text(message).replace("\r\n", "\n");
    }

    /** The HTML part. */
    static String html(MimeMessage message) {
        try {
            String html = htmlOf(message.getContent());
            if (html == null) {
                throw new AssertionError("No HTML part");
            }
            return html;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String htmlOf(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    return (String) part.getContent();
                }
                String nested = htmlOf(part.getContent());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
