package org.guichet.registration;

import java.util.Locale;

import org.guichet.event.Event;
import org.guichet.event.Money;
import org.springframework.stereotype.Component;

/** How pages write ticket prices and how many of a type one may choose. */
@Component("registrationFormat")
public class RegistrationFormat {

    public String price(TicketType type, Event event, Locale locale) {
        return Money.format(type.getPrice(), event.getCurrency(), locale);
    }

    public int maxChoice(TicketType type) {
        return Math.min(type.getMaxPerOrder(), type.getRemaining());
    }
}
