package org.guichet.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server that answers as it is told to: each recipient accepted ({@code 250}) unless a reply was set for
 * it, and the end of {@code DATA} likewise. Real mail servers refuse addresses this way, which GreenMail cannot be
 * made to do, so the exceptions JavaMail throws in tests are the ones it throws in production. It serves one
 * connection at a time on a port of its own, on a daemon thread, until closed.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

    private final ServerSocket socket;
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private volatile String senderReply = "250 2.1.0 Ok";
    private volatile String dataReply = "250 2.0.0 Ok: queued";
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<List<String>> delivered = new CopyOnWriteArrayList<>();

    public ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread serving = new Thread(this::serve, "scripted-smtp-" + socket.getLocalPort());
        serving.setDaemon(true);
        serving.start();
    }

    /** The reply to {@code RCPT TO} for this address, e.g. {@code 550 5.1.1 <x@y>: Recipient address rejected}. */
    public ScriptedSmtpServer replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** This address is accepted again. */
    public ScriptedSmtpServer accept(String address) {
        recipientReplies.remove(address.toLowerCase(Locale.ROOT));
        return this;
    }

    /** The reply to {@code MAIL FROM}, about the sender. */
    public ScriptedSmtpServer replyToSender(String reply) {
        senderReply = reply;
        return this;
    }

    /** The reply once a message's content has been sent (after the lone dot ending {@code DATA}). */
    public ScriptedSmtpServer replyToData(String reply) {
        dataReply = reply;
        return this;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** A sender for this server, as Spring Boot configures one, with short timeouts. */
    public JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /** Every {@code RCPT TO} address asked so far, in order, lower-cased. */
    public List<String> recipientsAsked() {
        List<String> asked = new ArrayList<>();
        for (String command : commands) {
            if (command.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")) {
                asked.add(addressIn(command));
            }
        }
        return asked;
    }

    /** The recipients of each message accepted at the end of {@code DATA}. */
    public List<List<String>> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closedOrDropped) {
                // the server was closed, or the client hung up: take the next connection
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        say(out, "220 scripted.test ESMTP");
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            commands.add(line);
            String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                    : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> say(out, "250 scripted.test");
                case "MAIL" -> {
                    recipients.clear();
                    say(out, senderReply);
                }
                case "RCPT" -> {
                    String address = addressIn(line);
                    String reply = recipientReplies.getOrDefault(address, "250 2.1.5 Ok");
                    if (reply.startsWith("2")) {
                        recipients.add(address);
                    }
                    say(out, reply);
                    if (reply.startsWith("421")) {
                        return;
                    }
                }
                case "DATA" -> {
                    say(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the content itself is not kept
                    }
                    String reply = dataReply;
                    if (reply.startsWith("2")) {
                        delivered.add(List.copyOf(recipients));
                    }
                    say(out, reply);
                }
                case "RSET" -> {
                    recipients.clear();
                    say(out, "250 2.0.0 Ok");
                }
                case "NOOP" -> say(out, "250 2.0.0 Ok");
                case "QUIT" -> {
                    say(out, "221 2.0.0 Bye");
                    return;
                }
                default -> say(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static String addressIn(String command) {
        Matcher address = ADDRESS.matcher(command);
        return address.find() ? address.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
