package org.guichet.registration;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.guichet.event.CalendarFile;
import org.guichet.event.Event;
import org.guichet.event.EventFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The printable e-ticket: one A4 page per ticket with its QR code, the event, the attendee and the order. */
@Component
public class TicketPdf {

    private static final Color BRAND = new Color(55, 48, 163);
    private static final Color MUTED = new Color(91, 96, 112);
    private static final int QR_PIXELS = 600;

    private final TicketSigner signer;
    private final EventFormat format;
    private final MessageSource messages;

    TicketPdf(TicketSigner signer, EventFormat format, MessageSource messages) {
        this.signer = signer;
        this.format = format;
        this.messages = messages;
    }

    public byte[] render(List<Ticket> tickets, Event event, Locale locale) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, pdf);
            document.addTitle(message("ticket.pdf.title", locale, event.getTitle()));
            document.addCreator("Guichet");
            document.open();
            for (int i = 0; i < tickets.size(); i++) {
                if (i > 0) {
                    document.newPage();
                }
                page(document, tickets.get(i), event, locale);
            }
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Cannot write the ticket PDF", e);
        }
        return pdf.toByteArray();
    }

    private void page(Document document, Ticket ticket, Event event, Locale locale)
            throws DocumentException, IOException {
        document.add(new Paragraph("Guichet", new Font(Font.HELVETICA, 14, Font.BOLD, BRAND)));
        document.add(new Paragraph(message("ticket.pdf.heading", locale), new Font(Font.HELVETICA, 10, Font.NORMAL, MUTED)));
        Paragraph title = new Paragraph(event.getTitle(), new Font(Font.HELVETICA, 22, Font.BOLD));
        title.setSpacingBefore(18);
        document.add(title);
        document.add(new Paragraph(format.span(event, locale), new Font(Font.HELVETICA, 13)));
        document.add(new Paragraph(message("event.detail.zone", locale, format.zone(event, locale)),
                new Font(Font.HELVETICA, 9, Font.NORMAL, MUTED)));
        String place = CalendarFile.location(event);
        if (!place.isEmpty()) {
            Paragraph where = new Paragraph(place, new Font(Font.HELVETICA, 12));
            where.setSpacingBefore(6);
            document.add(where);
        }

        String code = signer.sign(ticket.getId(), ticket.getEventId(), ticket.getSecret());
        Image qr = Image.getInstance(QrCodes.png(code, QR_PIXELS));
        qr.scaleToFit(260, 260);
        qr.setAlignment(Element.ALIGN_CENTER);
        qr.setSpacingBefore(24);
        document.add(qr);
        Paragraph codeText = new Paragraph(code, new Font(Font.COURIER, 6, Font.NORMAL, MUTED));
        codeText.setAlignment(Element.ALIGN_CENTER);
        document.add(codeText);

        PdfPTable facts = new PdfPTable(new float[] {1, 2});
        facts.setWidthPercentage(100);
        facts.setSpacingBefore(24);
        fact(facts, message("ticket.attendee", locale), ticket.getAttendeeName());
        fact(facts, message("ticket.type", locale), ticket.getType().getName());
        fact(facts, message("ticket.reference", locale), ticket.getOrder().getReference());
        fact(facts, message("ticket.statusLabel", locale), message("ticket.status." + ticket.getStatus().name(), locale));
        document.add(facts);

        Paragraph door = new Paragraph(message("ticket.codeHelp", locale), new Font(Font.HELVETICA, 10, Font.ITALIC, MUTED));
        door.setSpacingBefore(18);
        document.add(door);
        document.add(new Chunk(""));
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell name = new PdfPCell(new Phrase(label, new Font(Font.HELVETICA, 10, Font.BOLD, MUTED)));
        PdfPCell text = new PdfPCell(new Phrase(value, new Font(Font.HELVETICA, 11)));
        for (PdfPCell cell : new PdfPCell[] {name, text}) {
            cell.setBorder(PdfPCell.BOTTOM);
            cell.setBorderColor(new Color(230, 230, 238));
            cell.setPadding(6);
            table.addCell(cell);
        }
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
