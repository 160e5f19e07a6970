package org.guichet.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a received mail carries, read as its recipient would, and what the outbox holds for an address. */
public final class MailParts {

    private MailParts() {
    }

    /** The text of every page of the PDF attachment whose name starts with the prefix. */
    public static String pdfText(MimeMessage message, String prefix) throws Exception {
        try (InputStream in = part(message, prefix).getInputStream()) {
            PdfReader reader = new PdfReader(in);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            reader.close();
            return text.toString();
        }
    }

    public static String text(MimeMessage message, String prefix) throws Exception {
        try (InputStream in = part(message, prefix).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** How many of the address's outbox messages, and of their attachments, are still unrendered. */
    public static int unrenderedFor(JdbcTemplate jdbc, String recipient) {
        return jdbc.queryForObject("select count(*) from outbox_messages where recipient = ? and rendered_at is null",
                Integer.class, recipient)
                + jdbc.queryForObject("select count(*) from outbox_attachments a join outbox_messages m "
                        + "on m.id = a.message_id where m.recipient = ? and a.content is null", Integer.class, recipient);
    }

    private static BodyPart part(MimeMessage message, String prefix) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().startsWith(prefix)) {
                return part;
            }
        }
        throw new AssertionError("No attachment starting with " + prefix);
    }
}
