package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.guichet.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * How a failed delivery is read, from the exceptions JavaMail and Spring really throw when an SMTP server answers
 * so (a scripted server, not hand-made exceptions): only a 5xx about an address is permanent, and only for it.
 */
class DeliveryErrorTests {

    private static final String BAD = "gone@example.org";
    private static final String GOOD = "here@example.org";

    private final ScriptedSmtpServer server = new ScriptedSmtpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRecipientRefusedWith550IsRefusedForGoodWithTheServersReply() throws Exception {
        server.replyToRecipient(BAD, "550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown");

        DeliveryError error = DeliveryError.of(sendFailing(server.sender(), BAD));

        assertThat(error.rejectionOf(BAD)).contains(
                "550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
        assertThat(error.rejectionOf("  Gone@Example.ORG ")).as("addresses compare as the outbox stores them")
                .isPresent();
        assertThat(server.delivered()).isEmpty();
    }

    @Test
    void aTemporaryRefusalOfARecipientIsWorthTryingAgain() throws Exception {
        server.replyToRecipient(BAD, "451 4.3.0 Temporary lookup failure, try again later");
        assertThat(DeliveryError.of(sendFailing(server.sender(), BAD)).rejectionOf(BAD)).isEmpty();

        server.replyToRecipient(BAD, "450 4.2.0 Mailbox busy");
        assertThat(DeliveryError.of(sendFailing(server.sender(), BAD)).rejectionOf(BAD)).isEmpty();
    }

    @Test
    void aServerClosingTheConnectionWith421IsWorthTryingAgain() throws Exception {
        server.replyToRecipient(BAD, "421 4.7.0 scripted.test Service not available, closing transmission channel");
        assertThat(DeliveryError.of(sendFailing(server.sender(), BAD)).rejectionOf(BAD)).isEmpty();
    }

    @Test
    void aFullMailboxAt552IsTreatedAsTheTemporary452ItStandsFor() throws Exception {
        server.replyToRecipient(BAD, "552 5.2.2 Mailbox full");
        assertThat(DeliveryError.of(sendFailing(server.sender(), BAD)).rejectionOf(BAD)).isEmpty();
    }

    @Test
    void aServerThatCannotBeReachedIsWorthTryingAgain() throws Exception {
        int closedPort;
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = reserved.getLocalPort();
        }
        JavaMailSenderImpl nowhere = server.sender();
        nowhere.setPort(closedPort);

        MailSendException refused = sendFailing(nowhere, BAD);

        assertThat(refused).hasMessageContaining("connect");
        DeliveryError error = DeliveryError.of(refused);
        assertThat(error.rejectionOf(BAD)).isEmpty();
        assertThat(error.rejected()).isEmpty();
        assertThat(error.description()).contains("MailSendException");
    }

    @Test
    void aContentRefusedWith554AtTheEndOfDataRefusesEveryAcceptedRecipient() throws Exception {
        server.replyToData("554 5.7.1 Message rejected: policy violation");

        DeliveryError error = DeliveryError.of(sendFailing(server.sender(), BAD));

        assertThat(error.rejectionOf(BAD)).hasValueSatisfying(
                reply -> assertThat(reply).contains("554 5.7.1 Message rejected"));
    }

    @Test
    void aTemporaryRefusalAtTheEndOfDataIsWorthTryingAgain() throws Exception {
        server.replyToData("451 4.3.0 Queue full, try again later");
        assertThat(DeliveryError.of(sendFailing(server.sender(), BAD)).rejectionOf(BAD)).isEmpty();
    }

    @Test
    void aPermanentRefusalOfOneOfTwoRecipientsIsAboutThatAddressOnly() throws Exception {
        server.replyToRecipient(BAD, "550 5.1.1 User unknown");

        DeliveryError error = DeliveryError.of(sendFailing(server.sender(), GOOD, BAD));

        assertThat(error.rejected()).containsOnlyKeys(BAD);
        assertThat(error.rejectionOf(GOOD)).isEmpty();
    }

    @Test
    void onePermanentAndOneTemporaryRefusalAreToldApart() throws Exception {
        server.replyToRecipient(BAD, "550 5.1.1 User unknown");
        server.replyToRecipient(GOOD, "450 4.2.1 Mailbox temporarily unavailable");

        DeliveryError error = DeliveryError.of(sendFailing(server.sender(), GOOD, BAD));

        assertThat(error.rejectionOf(BAD)).contains("550 5.1.1 User unknown");
        assertThat(error.rejectionOf(GOOD)).isEmpty();
    }

    @Test
    void aRefusedSenderIsNoFaultOfTheRecipient() throws Exception {
        server.replyToSender("553 5.7.1 <no-reply@guichet.test>: Sender address rejected: not owned by user");

        DeliveryError error = DeliveryError.of(sendFailing(server.sender(), BAD));

        assertThat(error.rejected()).isEmpty();
        assertThat(error.description()).contains("553 5.7.1");
    }

    @Test
    void failuresThatAreNotSmtpRepliesAreWorthTryingAgain() {
        assertThat(DeliveryError.of(new IllegalStateException("template mail/x.html not found")).rejected())
                .isEmpty();
        assertThat(DeliveryError.of(new MessagingException("connection dropped", new IOException("reset")))
                .rejected()).isEmpty();
    }

    @Test
    void aLongReplyIsKeptOnOneLineAndCut() throws Exception {
        server.replyToRecipient(BAD, "550 5.1.1 " + "x".repeat(800));

        String reply = DeliveryError.of(sendFailing(server.sender(), BAD)).rejectionOf(BAD).orElseThrow();

        assertThat(reply).hasSize(500).startsWith("550 5.1.1 xxx").doesNotContain("\n");
    }

    private static MailSendException sendFailing(JavaMailSenderImpl sender, String... recipients)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom("no-reply@guichet.test");
        helper.setTo(recipients);
        helper.setSubject("Probe");
        helper.setText("Hello");
        MailSendException failure = catchThrowableOfType(MailSendException.class, () -> sender.send(message));
        assertThat(failure).as("the send fails").isNotNull();
        return failure;
    }
}
