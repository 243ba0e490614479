package eu.koopera.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** An in-process SMTP server (GreenMail) on a fixed local port, which tests may start late to simulate an outage. */
public final class Mailbox implements AutoCloseable {

    private final int port = freePort();
    private GreenMail server;

    public int port() {
        return port;
    }

    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The newest mail to {@code recipient}, waiting up to {@code timeout} for it. */
    public MimeMessage awaitMailTo(String recipient, Duration timeout) {
        return Eventually.await(timeout, "a mail to " + recipient, () -> Arrays.stream(server.getReceivedMessages())
                .filter(message -> isTo(message, recipient)).reduce((first, second) -> second));
    }

    public long countTo(String recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, recipient)).count();
    }

    /** The plain-text part of a mail, decoded. */
    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = text(child);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part of a mail, decoded, if it has one. */
    public static Optional<String> html(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return Optional.of((String) part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> html = html(multipart.getBodyPart(i));
                    if (html.isPresent()) {
                        return html;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
