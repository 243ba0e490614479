package eu.koopera.platform.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Hands one mail to the configured SMTP server with Jakarta Mail. */
@Singleton
@Requires(property = "koopera.mail.smtp.host", pattern = ".*\\S.*")
class SmtpMailer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings smtp;
    private final InternetAddress from;
    private final Session session;

    SmtpMailer(SmtpSettings smtp, MailSettings settings) throws MessagingException {
        this.smtp = smtp;
        this.from = new InternetAddress(settings.from(), true);
        String timeout = Long.toString(smtp.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", smtp.host().strip());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.auth", Boolean.toString(hasCredentials()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        this.session = Session.getInstance(properties);
    }

    void send(QueuedMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(new Date());
        if (mail.bodyHtml() == null) {
            message.setText(mail.bodyText(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.bodyText(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.bodyHtml(), UTF_8, "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        if (hasCredentials()) {
            Transport.send(message, smtp.username(), smtp.password());
        } else {
            Transport.send(message);
        }
    }

    private boolean hasCredentials() {
        return smtp.username() != null && !smtp.username().isBlank();
    }
}
