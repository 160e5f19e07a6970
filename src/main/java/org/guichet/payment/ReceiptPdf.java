package org.guichet.payment;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.guichet.account.User;
import org.guichet.event.Event;
import org.guichet.event.Money;
import org.guichet.registration.Order;
import org.guichet.registration.Ticket;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The numbered receipt of a payment: seller, buyer, items, amounts and the gateway's reference. */
@Component
class ReceiptPdf {

    private static final Color BRAND = new Color(55, 48, 163);
    private static final Color MUTED = new Color(91, 96, 112);

    private final MessageSource messages;
    private final ReceiptTax tax;

    ReceiptPdf(MessageSource messages, ReceiptTax tax) {
        this.messages = messages;
        this.tax = tax;
    }

    byte[] render(Payment payment, Order order, Event event, User buyer, Locale locale) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, pdf);
            document.open();
            document.add(new Paragraph("Guichet", new Font(Font.HELVETICA, 16, Font.BOLD, BRAND)));
            document.add(new Paragraph(message("receipt.seller", locale, event.getOrganizer().getFullName()),
                    new Font(Font.HELVETICA, 9, Font.NORMAL, MUTED)));
            tax.sellerTaxNumber().ifPresent(number -> document.add(new Paragraph(
                    message("receipt.sellerTaxNumber", locale, number), new Font(Font.HELVETICA, 9, Font.NORMAL, MUTED))));
            Paragraph title = new Paragraph(message("receipt.title", locale, payment.getReceiptNumber()),
                    new Font(Font.HELVETICA, 20, Font.BOLD));
            title.setSpacingBefore(18);
            document.add(title);
            document.add(new Paragraph(message("receipt.date", locale, DateTimeFormatter
                    .ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                    .format(payment.getPaidAt().atZone(event.getZone()))), new Font(Font.HELVETICA, 10)));
            document.add(new Paragraph(message("receipt.buyer", locale, buyer.getFullName(), buyer.getEmail()),
                    new Font(Font.HELVETICA, 10)));
            Paragraph what = new Paragraph(message("receipt.event", locale, event.getTitle(), order.getReference()),
                    new Font(Font.HELVETICA, 11, Font.BOLD));
            what.setSpacingBefore(12);
            document.add(what);

            PdfPTable items = new PdfPTable(new float[] {4, 1, 2, 2});
            items.setWidthPercentage(100);
            items.setSpacingBefore(12);
            for (String header : new String[] {"receipt.item", "receipt.quantity", "receipt.unitPrice", "receipt.amount"}) {
                cell(items, message(header, locale), true, Element.ALIGN_LEFT);
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, BigDecimal> prices = new LinkedHashMap<>();
            for (Ticket ticket : order.getTickets()) {
                counts.merge(ticket.getType().getName(), 1, Integer::sum);
                prices.putIfAbsent(ticket.getType().getName(), ticket.getPrice());
            }
            counts.forEach((name, count) -> {
                BigDecimal unit = prices.get(name);
                cell(items, name, false, Element.ALIGN_LEFT);
                cell(items, String.valueOf(count), false, Element.ALIGN_RIGHT);
                cell(items, Money.format(unit, order.getCurrency(), locale), false, Element.ALIGN_RIGHT);
                cell(items, Money.format(unit.multiply(BigDecimal.valueOf(count)), order.getCurrency(), locale), false,
                        Element.ALIGN_RIGHT);
            });
            Optional<ReceiptTax.Share> share = tax.of(payment.getAmount(), payment.getCurrency());
            share.ifPresent(split -> {
                String name = tax.name().orElseGet(() -> message("receipt.taxDefaultName", locale));
                subtotal(items, message("receipt.net", locale),
                        Money.format(split.net(), payment.getCurrency(), locale));
                subtotal(items, message("receipt.tax", locale, name, split.ratePercent().toPlainString()),
                        Money.format(split.tax(), payment.getCurrency(), locale));
            });
            cell(items, message(share.isPresent() ? "receipt.totalWithTax" : "receipt.total", locale), true,
                    Element.ALIGN_LEFT);
            cell(items, "", true, Element.ALIGN_RIGHT);
            cell(items, "", true, Element.ALIGN_RIGHT);
            cell(items, Money.format(payment.getAmount(), payment.getCurrency(), locale), true, Element.ALIGN_RIGHT);
            document.add(items);

            Paragraph reference = new Paragraph(message("receipt.transaction", locale, payment.getGateway(),
                    payment.getTransactionRef()), new Font(Font.HELVETICA, 9, Font.NORMAL, MUTED));
            reference.setSpacingBefore(18);
            document.add(reference);
            if (share.isEmpty()) {
                document.add(new Paragraph(message("receipt.noTax", locale),
                        new Font(Font.HELVETICA, 9, Font.NORMAL, MUTED)));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the receipt PDF", e);
        }
        return pdf.toByteArray();
    }

    private static void subtotal(PdfPTable table, String label, String amount) {
        cell(table, label, false, Element.ALIGN_LEFT);
        cell(table, "", false, Element.ALIGN_RIGHT);
        cell(table, "", false, Element.ALIGN_RIGHT);
        cell(table, amount, false, Element.ALIGN_RIGHT);
    }

    private static void cell(PdfPTable table, String text, boolean strong, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, new Font(Font.HELVETICA, 10, strong ? Font.BOLD : Font.NORMAL)));
        cell.setHorizontalAlignment(alignment);
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(new Color(230, 230, 238));
        cell.setPadding(6);
        table.addCell(cell);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
