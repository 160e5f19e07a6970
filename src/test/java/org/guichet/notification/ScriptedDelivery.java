package org.guichet.notification;

import java.util.Locale;
import java.util.Map;

import org.guichet.support.MutableClock;
import org.guichet.support.ScriptedSmtpServer;
import org.guichet.support.TestMail;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbox sender built from the context's own parts (repositories, rendering, failing addresses, transactions,
 * settings, the test clock) whose SMTP server is a {@link ScriptedSmtpServer}: it refuses what the test tells it
 * to, as a real server would, where GreenMail accepts everything.
 */
final class ScriptedDelivery implements AutoCloseable {

    final ScriptedSmtpServer server = new ScriptedSmtpServer();
    final OutboxSender sender;
    final OutboxRepository messages;

    private final Outbox outbox;
    private final TransactionTemplate transactions;

    ScriptedDelivery(ApplicationContext context) {
        messages = context.getBean(OutboxRepository.class);
        outbox = context.getBean(Outbox.class);
        transactions = context.getBean(TransactionTemplate.class);
        MailSettings settings = context.getBean(MailSettings.class);
        MailTransport smtp = new SmtpMailTransport(server.sender(), settings.from(),
                context.getEnvironment().getRequiredProperty("guichet.base-url"),
                context.getBean(MailPreferences.class));
        sender = new OutboxSender(messages, smtp, context.getBean(MailRendering.class),
                context.getBean(FailingAddresses.class), transactions, settings, context.getBean(MutableClock.class));
        // what other tests left due goes to GreenMail now, not to this server later
        context.getBean(TestMail.class).deliverAndRead("nobody@example.org");
    }

    /** Writes a password-reset mail (of this kind) to this address, as a service's transaction would; its id. */
    long write(String recipient, MailKind kind) {
        Mail mail = Mail.of(recipient, Locale.ENGLISH, "password-reset", Map.of("firstName", "Sam",
                "link", "http://localhost:8080/password/reset?token=x", "validMinutes", 60)).kind(kind);
        transactions.executeWithoutResult(status -> outbox.enqueue(mail));
        return messages.findByRecipientOrderByIdDesc(recipient).get(0).getId();
    }

    OutboxMessage message(long id) {
        return messages.findById(id).orElseThrow();
    }

    /** How many times the server was asked to take mail for this address. */
    long asked(String recipient) {
        return server.recipientsAsked().stream().filter(recipient.toLowerCase(Locale.ROOT)::equals).count();
    }

    boolean delivered(String recipient) {
        return server.delivered().stream().anyMatch(to -> to.contains(recipient.toLowerCase(Locale.ROOT)));
    }

    @Override
    public void close() {
        server.close();
    }
}
