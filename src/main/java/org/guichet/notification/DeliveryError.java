package org.guichet.notification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * What a failed delivery says about each recipient: refused for good, or worth trying again.
 * <p>
 * Only an SMTP server's permanent (5xx) reply about a recipient is permanent: to {@code RCPT TO} for that address
 * ({@link SMTPAddressFailedException}), or at the end of {@code DATA} for the addresses the server had accepted
 * ({@link SMTPSendFailedException}). Everything else is temporary: 4xx replies, a server that cannot be reached or
 * drops the connection, a refused sender ({@link SMTPSenderFailedException}: our side's problem, not the
 * recipient's), a template that does not render. A {@code 552} to {@code RCPT TO} counts as {@code 452} (mailbox
 * full), as RFC 5321 §4.5.3.1.10 asks. Spring's {@link MailSendException} keeps each message's exception apart; the
 * SMTP exceptions are found along its causes and JavaMail's chain of next exceptions.
 */
record DeliveryError(String description, Map<String, String> rejected) {

    private static final int LONGEST_REPLY = 500;
    private static final int DEEPEST = 50;
    /** "Exceeded storage allocation" to RCPT TO: a full mailbox, to be treated as the temporary 452. */
    private static final int MAILBOX_FULL = 552;

    DeliveryError {
        rejected = Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
    }

    static DeliveryError of(Throwable failure) {
        Map<String, String> rejected = new LinkedHashMap<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toRead = new ArrayDeque<>();
        toRead.add(failure);
        while (!toRead.isEmpty() && seen.size() < DEEPEST) {
            Throwable problem = toRead.poll();
            if (!seen.add(problem)) {
                continue;
            }
            if (problem instanceof SMTPAddressFailedException address) {
                if (isPermanent(address.getReturnCode()) && address.getReturnCode() != MAILBOX_FULL) {
                    rejected.putIfAbsent(normal(address.getAddress()), reply(address.getMessage()));
                }
            } else if (problem instanceof SMTPSendFailedException data && isAboutTheContent(data)
                    && isPermanent(data.getReturnCode())) {
                // the recipients the server had accepted, none of which got the message
                for (Address accepted : nonNull(data.getValidSentAddresses(), data.getValidUnsentAddresses())) {
                    rejected.putIfAbsent(normal(accepted), reply(data.getMessage()));
                }
            }
            if (problem instanceof MailSendException spring) {
                toRead.addAll(Arrays.asList(spring.getMessageExceptions()));
            }
            if (problem.getCause() != null) {
                toRead.add(problem.getCause());
            }
        }
        return new DeliveryError(failure.toString(), rejected);
    }

    /** The server's reply if it refused this address for good; empty if trying again may work. */
    Optional<String> rejectionOf(String address) {
        return Optional.ofNullable(rejected.get(FailingAddress.normal(address)));
    }

    private static boolean isPermanent(int returnCode) {
        return returnCode >= 500 && returnCode <= 599;
    }

    /** A reply to {@code DATA} or to the dot ending the content, not to {@code MAIL FROM} (our sender). */
    private static boolean isAboutTheContent(SMTPSendFailedException failure) {
        String command = failure.getCommand() == null ? "" : failure.getCommand().strip().toUpperCase(Locale.ROOT);
        return command.equals(".") || command.equals("DATA");
    }

    private static List<Address> nonNull(Address[]... lists) {
        List<Address> all = new ArrayList<>();
        for (Address[] addresses : lists) {
            if (addresses != null) {
                all.addAll(Arrays.asList(addresses));
            }
        }
        return all;
    }

    private static String normal(Address address) {
        return FailingAddress.normal(address instanceof InternetAddress internet ? internet.getAddress()
                : address.toString());
    }

    /** The server's own words, on one line, no longer than a column holds. */
    private static String reply(String message) {
        String line = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return line.length() <= LONGEST_REPLY ? line : line.substring(0, LONGEST_REPLY);
    }
}
