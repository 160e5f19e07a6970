package org.guichet.registration.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.guichet.event.MoneyInput;

import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypeDetails;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A ticket type as typed: the sale window is wall-clock time in the event's zone, the price text in the reader's
 * format (read by {@link MoneyInput}, kept as typed when the form comes back).
 */
public class TicketTypeForm {

    private String name;
    private String price = "0";
    private Integer quantity = 50;
    private Integer maxPerOrder = TicketType.DEFAULT_MAX_PER_ORDER;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime saleStartsAt;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime saleEndsAt;

    static TicketTypeForm of(TicketType type, ZoneId zone, Locale locale) {
        TicketTypeForm form = new TicketTypeForm();
        form.name = type.getName();
        form.price = MoneyInput.format(type.getPrice(), locale);
        form.quantity = type.getQuantity();
        form.maxPerOrder = type.getMaxPerOrder();
        form.saleStartsAt = local(type.getSaleStartsAt(), zone);
        form.saleEndsAt = local(type.getSaleEndsAt(), zone);
        return form;
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The details to save with the price the caller read from {@link #getPrice()}. */
    TicketTypeDetails toDetails(ZoneId zone, BigDecimal parsedPrice) {
        return new TicketTypeDetails(name, parsedPrice, quantity, maxPerOrder,
                saleStartsAt == null ? null : saleStartsAt.atZone(zone).toInstant(),
                saleEndsAt == null ? null : saleEndsAt.atZone(zone).toInstant());
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPrice() { return price; }
    public void setPrice(String price) { this.price = price; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public Integer getMaxPerOrder() { return maxPerOrder; }
    public void setMaxPerOrder(Integer maxPerOrder) { this.maxPerOrder = maxPerOrder; }
    public LocalDateTime getSaleStartsAt() { return saleStartsAt; }
    public void setSaleStartsAt(LocalDateTime saleStartsAt) { this.saleStartsAt = saleStartsAt; }
    public LocalDateTime getSaleEndsAt() { return saleEndsAt; }
    public void setSaleEndsAt(LocalDateTime saleEndsAt) { this.saleEndsAt = saleEndsAt; }
}
