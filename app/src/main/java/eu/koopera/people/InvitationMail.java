package eu.koopera.people;

import eu.koopera.platform.mail.MailMessages;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.mail.OutgoingMail;
import eu.koopera.tenancy.Tenant;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Writes the invitation mail, in the association's default language, into the outbox. Its link leads to
 * {@code ${koopera.public-url}/invitation/<tenant>/<token>}.
 */
@Singleton
class InvitationMail {

    private final MailOutbox outbox;
    private final MailMessages messages;
    private final String publicUrl;

    InvitationMail(MailOutbox outbox, MailMessages messages,
                   @Value("${koopera.public-url}") String publicUrl) {
        this.outbox = outbox;
        this.messages = messages;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    void enqueue(Tenant tenant, String email, String personName, String token, Instant expiresAt) {
        String link = publicUrl + "/invitation/" + tenant.code() + "/" + token;
        String validUntil = messages.dateTime(expiresAt, tenant.defaultLocale(), zoneOf(tenant.country()));
        MailMessages.Text text = messages.render("invitation", tenant.defaultLocale(), tenant.name(), personName, link,
                validUntil);
        outbox.enqueue(new OutgoingMail(tenant.code(), email, text.subject(), text.text(), text.html()));
    }

    private static ZoneId zoneOf(String country) {
        return switch (country) {
            case "LV" -> ZoneId.of("Europe/Riga");
            case "LT" -> ZoneId.of("Europe/Vilnius");
            case "EE" -> ZoneId.of("Europe/Tallinn");
            default -> ZoneOffset.UTC;
        };
    }
}
