package org.guichet.registration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Attendee lists as CSV (UTF-8 with a byte order mark, so Excel reads accents) and as XLSX, streamed row by row.
 * Text a spreadsheet could take for a formula is neutralised in both. Shared by the dashboard's downloads and the
 * API's {@code attendees.csv}, so both export the same file.
 */
@Component
public class AttendeeExports {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> HEADERS = Arrays.stream(AttendeeQuery.Sort.values())
            .map(AttendeeQuery.Sort::messageKey).toList();

    private final MessageSource messages;

    AttendeeExports(MessageSource messages) {
        this.messages = messages;
    }

    /** A cell starting with =, +, -, @, tab or carriage return gets a leading quote: shown as text, never run. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    public void csv(OutputStream out, ZoneId zone, Locale locale, Consumer<Consumer<Attendee>> attendees) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            writeCsvLine(writer, HEADERS.stream().map(key -> messages.getMessage(key, null, locale)).toList());
            attendees.accept(attendee -> {
                try {
                    writeCsvLine(writer, cells(attendee, zone, locale));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void xlsx(OutputStream out, ZoneId zone, Locale locale, String sheetName, Consumer<Consumer<Attendee>> attendees) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName(sheetName));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(messages.getMessage(HEADERS.get(i), null, locale));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            attendees.accept(attendee -> {
                Row row = sheet.createRow(next[0]++);
                List<String> cells = cells(attendee, zone, locale);
                for (int i = 0; i < cells.size(); i++) {
                    Cell cell = row.createCell(i);
                    Instant instant = i == 2 ? attendee.orderedAt() : i == 7 ? attendee.checkedInAt() : null;
                    if (instant != null) {
                        cell.setCellValue(LocalDateTime.ofInstant(instant, zone));
                        cell.setCellStyle(time);
                    } else {
                        cell.setCellValue(cells.get(i));
                    }
                }
            });
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, i == 1 ? 32 * 256 : 20 * 256);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> cells(Attendee attendee, ZoneId zone, Locale locale) {
        return List.of(
                neutralised(attendee.name()),
                neutralised(attendee.email()),
                CSV_TIME.format(attendee.orderedAt().atZone(zone)),
                neutralised(attendee.ticketType()),
                messages.getMessage("order.status." + attendee.orderStatus().name(), null, locale),
                messages.getMessage("ticket.payment." + attendee.paymentStatus().name(), null, locale),
                attendee.orderReference(),
                attendee.checkedInAt() == null ? "" : CSV_TIME.format(attendee.checkedInAt().atZone(zone)));
    }

    private static void writeCsvLine(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
                    || cell.indexOf(';') >= 0) {
                writer.write('"' + cell.replace("\"", "\"\"") + '"');
            } else {
                writer.write(cell);
            }
        }
        writer.write("\r\n");
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
    private static String sheetName(String title) {
        String cleaned = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return cleaned.isEmpty() ? "Attendees" : cleaned.substring(0, Math.min(31, cleaned.length()));
    }
}
