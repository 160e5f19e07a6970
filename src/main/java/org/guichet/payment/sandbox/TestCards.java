package org.guichet.payment.sandbox;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The sandbox's card form, checked like a real one (Luhn, expiry, CVC), and the usual test cards' outcomes. */
final class TestCards {

    enum Outcome { PAID, DECLINED, INSUFFICIENT_FUNDS, UNKNOWN_CARD }

    record Card(String number, String expiry, String cvc) {
    }

    private TestCards() {
    }

    /** The message keys of what is wrong with the form, field by field ("number", "expiry", "cvc"). */
    static List<String[]> problems(Card card, Clock clock) {
        List<String[]> problems = new ArrayList<>();
        String number = digits(card.number());
        if (number.length() < 12 || number.length() > 19 || !luhn(number)) {
            problems.add(new String[] {"number", "sandbox.error.number"});
        }
        YearMonth expiry = expiry(card.expiry());
        if (expiry == null) {
            problems.add(new String[] {"expiry", "sandbox.error.expiry"});
        } else if (expiry.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            problems.add(new String[] {"expiry", "sandbox.error.expired"});
        }
        if (card.cvc() == null || !card.cvc().strip().matches("\\d{3,4}")) {
            problems.add(new String[] {"cvc", "sandbox.error.cvc"});
        }
        return problems;
    }

    static Outcome outcome(Card card) {
        return switch (digits(card.number())) {
            case "4242424242424242" -> Outcome.PAID;
            case "4000000000000002" -> Outcome.DECLINED;
            case "4000000000009995" -> Outcome.INSUFFICIENT_FUNDS;
            default -> Outcome.UNKNOWN_CARD;
        };
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static YearMonth expiry(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.replace(" ", "").split("/");
        if (parts.length != 2 || !parts[0].matches("\\d{1,2}") || !parts[1].matches("\\d{2}|\\d{4}")) {
            return null;
        }
        int month = Integer.parseInt(parts[0]);
        int year = Integer.parseInt(parts[1]);
        if (month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year < 100 ? 2000 + year : year, month);
    }

    private static String digits(String value) {
        return value == null ? "" : value.replaceAll("[\\s-]", "").replaceAll("\\D", "x");
    }
}
