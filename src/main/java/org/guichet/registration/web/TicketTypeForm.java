package org.guichet.registration.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypeDetails;
import org.springframework.format.annotation.DateTimeFormat;

/** A ticket type as typed: the sale window is wall-clock time in the event's zone. */
public class TicketTypeForm {

    private String name;
    private BigDecimal price = BigDecimal.ZERO;
    private Integer quantity = 50;
    private Integer maxPerOrder = TicketType.DEFAULT_MAX_PER_ORDER;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime saleStartsAt;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime saleEndsAt;

    static TicketTypeForm of(TicketType type, ZoneId zone) {
        TicketTypeForm form = new TicketTypeForm();
        form.name = type.getName();
        form.price = type.getPrice();
        form.quantity = type.getQuantity();
        form.maxPerOrder = type.getMaxPerOrder();
        form.saleStartsAt = type.getSaleStartsAt() == null ? null : LocalDateTime.ofInstant(type.getSaleStartsAt(), zone);
        form.saleEndsAt = type.getSaleEndsAt() == null ? null : LocalDateTime.ofInstant(type.getSaleEndsAt(), zone);
        return form;
    }

    TicketTypeDetails toDetails(ZoneId zone) {
        return new TicketTypeDetails(name, price, quantity, maxPerOrder,
                saleStartsAt == null ? null : saleStartsAt.atZone(zone).toInstant(),
                saleEndsAt == null ? null : saleEndsAt.atZone(zone).toInstant());
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public Integer getMaxPerOrder() { return maxPerOrder; }
    public void setMaxPerOrder(Integer maxPerOrder) { this.maxPerOrder = maxPerOrder; }
    public LocalDateTime getSaleStartsAt() { return saleStartsAt; }
    public void setSaleStartsAt(LocalDateTime saleStartsAt) { this.saleStartsAt = saleStartsAt; }
    public LocalDateTime getSaleEndsAt() { return saleEndsAt; }
    public void setSaleEndsAt(LocalDateTime saleEndsAt) { this.saleEndsAt = saleEndsAt; }
}
