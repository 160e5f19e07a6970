package org.guichet.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import org.guichet.event.MoneyInput;
import org.guichet.registration.TicketType;
import org.guichet.registration.TicketTypeDetails;
import org.guichet.shared.Refusal;

/**
 * A ticket type as an organizer describes it, the dashboard's fields: the price a decimal string in the event's
 * currency, the sale window UTC instants (none: on sale from publication until the event starts). Left out:
 * quantity 50 and 5 per order, as on the form. The ticket type's rules refuse the rest beside each field (422).
 */
record TicketTypeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 80, example = "Early bird") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "12.50") String price,
        @Schema(description = "Tickets on sale, never fewer than those sold", example = "50") Integer quantity,
        @Schema(example = "5") Integer maxPerOrder,
        Instant saleStartsAt, Instant saleEndsAt) {

    private static final int DEFAULT_QUANTITY = 50;

    TicketTypeDetails toDetails() {
        BigDecimal parsed;
        try {
            parsed = MoneyInput.parse(price, Locale.ENGLISH);
        } catch (MoneyInput.Rejected rejected) {
            throw Refusal.at("price", rejected.messageKey(), rejected.arguments());
        }
        return new TicketTypeDetails(name, parsed, quantity == null ? DEFAULT_QUANTITY : quantity,
                maxPerOrder == null ? TicketType.DEFAULT_MAX_PER_ORDER : maxPerOrder, saleStartsAt, saleEndsAt);
    }
}
