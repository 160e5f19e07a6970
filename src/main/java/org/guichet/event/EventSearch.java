package org.guichet.event;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public listing's filters, read leniently from the URL: a value that makes no sense is dropped (and
 * reported in {@link #ignored()}), never an error page.
 */
public record EventSearch(String q, String category, String city, LocalDate from, LocalDate to, PriceFilter price,
        Sort sort, int page, List<String> ignored) {

    public static final int PAGE_SIZE = 12;
    /** Dates typed in the filters are read in the platform's home zone. */
    public static final ZoneId FILTER_ZONE = ZoneId.of("Europe/Paris");
    private static final int MAX_QUERY_LENGTH = 100;

    public enum PriceFilter { FREE, PAID }

    public enum Sort { DATE, NEWEST, POPULAR }

    public static EventSearch parse(String q, String category, String city, String from, String to, String price,
            String sort, String page) {
        List<String> ignored = new ArrayList<>();
        LocalDate fromDate = date(from, "from", ignored);
        LocalDate toDate = date(to, "to", ignored);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            ignored.add("to");
            toDate = null;
        }
        return new EventSearch(text(q, MAX_QUERY_LENGTH), text(category, 60), text(city, 100), fromDate, toDate,
                enumValue(PriceFilter.class, price, "price", ignored),
                Objects.requireNonNullElse(enumValue(Sort.class, sort, "sort", ignored), Sort.DATE),
                pageNumber(page, ignored), List.copyOf(ignored));
    }

    public boolean isFiltered() {
        return q != null || category != null || city != null || from != null || to != null || price != null;
    }

    /** The link to another page of the same search. */
    public String pageLink(int number) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/events");
        add(link, "q", q);
        add(link, "category", category);
        add(link, "city", city);
        add(link, "from", from);
        add(link, "to", to);
        add(link, "price", price == null ? null : price.name().toLowerCase(Locale.ROOT));
        add(link, "sort", sort == Sort.DATE ? null : sort.name().toLowerCase(Locale.ROOT));
        add(link, "page", number == 1 ? null : number);
        return link.encode().build().toUriString();
    }

    public String priceValue() {
        return price == null ? "" : price.name().toLowerCase(Locale.ROOT);
    }

    public String sortValue() {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    private static void add(UriComponentsBuilder link, String name, Object value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }

    List<String> words() {
        return q == null ? List.of() : Arrays.stream(Texts.searchable(q).split("\\s+")).filter(w -> !w.isBlank()).toList();
    }

    private static String text(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > maxLength ? stripped.substring(0, maxLength) : stripped;
    }

    private static LocalDate date(String value, String name, List<String> ignored) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            ignored.add(name);
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name, List<String> ignored) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            ignored.add(name);
            return null;
        }
    }

    private static int pageNumber(String value, List<String> ignored) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 1 && page <= 10_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ignored.add("page");
        return 1;
    }
}
