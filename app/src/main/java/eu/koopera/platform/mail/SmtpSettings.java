package eu.koopera.platform.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The SMTP server mail is delivered to ({@code KOOPERA_MAIL_SMTP_HOST} and so on). Without a host nothing is sent
 * and mails wait in the outbox.
 *
 * @param host     the server's host name; unset turns sending off
 * @param port     its port
 * @param username for SMTP authentication, if the server needs it
 * @param password for SMTP authentication
 * @param starttls whether to require STARTTLS (refusing servers that do not offer it)
 * @param timeout  connect, read and write timeout
 */
@ConfigurationProperties("koopera.mail.smtp")
public record SmtpSettings(@Nullable String host,
                           @Bindable(defaultValue = "587") int port,
                           @Nullable String username,
                           @Nullable String password,
                           @Bindable(defaultValue = "true") boolean starttls,
                           @Bindable(defaultValue = "10s") Duration timeout) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", starttls=" + starttls + "]";
    }
}
