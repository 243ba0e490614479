package eu.koopera.events;

import eu.koopera.platform.mail.MailMessages;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.mail.OutgoingMail;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the mails registrations owe their registrants (confirmed, waitlisted, offered, ...), in each registrant's
 * language, through the outbox. Only the registering association can read a registrant's address, so each
 * association sends its own registrants' mails: at once when it made the change itself, otherwise in the next
 * run of {@link EventHousekeeping} for it. Calendar programs get the event from the link to its page (the outbox
 * carries no attachments).
 */
@Singleton
class RegistrationNotices {

    private static final int BATCH = 500;

    private final RegistrationQueries registrations;
    private final EventQueries events;
    private final MailOutbox outbox;
    private final MailMessages messages;
    private final String publicUrl;

    RegistrationNotices(RegistrationQueries registrations, EventQueries events, MailOutbox outbox,
                        MailMessages messages, @Value("${koopera.public-url:http://localhost:8080}") String publicUrl) {
        this.registrations = registrations;
        this.events = events;
        this.outbox = outbox;
        this.messages = messages;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Sends the mails owed to {@code tenant}'s registrants of one event, or of every event when it is null, in the
     * current transaction; returns how many were sent.
     */
    int deliver(String tenant, UUID eventId) {
        int sent = 0;
        Map<UUID, Optional<EventResponse>> byId = new HashMap<>();
        for (RegistrationQueries.Owed owed : registrations.owedNotices(tenant, eventId, BATCH)) {
            Optional<EventResponse> event = byId.computeIfAbsent(owed.eventId(), id -> events.find(id, tenant));
            if (owed.email() != null && event.isPresent()) {
                outbox.enqueue(mail(tenant, owed, event.get()));
                sent++;
            }
            registrations.clearNotice(owed.id());
        }
        return sent;
    }

    /** Sends a mail about the event to one registrant, {@code key} being one of the {@code event.*} mail texts. */
    void send(String tenant, String key, EventResponse event, String name, String email, String language,
              String extra) {
        outbox.enqueue(mail(tenant, key, event, name == null ? "" : name, email, language == null ? "en" : language,
                extra));
    }

    private OutgoingMail mail(String tenant, String key, EventResponse event, String name, String email,
                              String language, String extra) {
        String lang = messages.languageOf(language).getLanguage();
        ZoneId zone = ZoneId.of(event.timeZone());
        String starts = messages.dateTime(EventService.instant(event, event.startsAt()), lang, zone);
        String ends = messages.dateTime(EventService.instant(event, event.endsAt()), lang, zone);
        String place = event.venue() == null ? event.city() + ", " + event.country()
                : event.venue() + ", " + event.city() + ", " + event.country();
        MailMessages.Text text = messages.render(key, lang, event.title().in(lang), name, starts, ends, place,
                publicUrl + "/events/" + event.id(), extra);
        return new OutgoingMail(tenant, email, text.subject(), text.text(), text.html());
    }

    private OutgoingMail mail(String tenant, RegistrationQueries.Owed owed, EventResponse event) {
        String language = owed.language() == null ? "en" : owed.language();
        String extra = switch (owed.notice()) {
            case OFFERED -> owed.offerExpiresAt() == null ? ""
                    : messages.dateTime(owed.offerExpiresAt(), language, ZoneId.of(event.timeZone()));
            case WAITLISTED -> owed.waitlistPosition() == null ? "" : owed.waitlistPosition().toString();
            case REJECTED -> owed.reason() == null ? "" : owed.reason();
            default -> "";
        };
        return mail(tenant, "event." + owed.notice().name().toLowerCase(java.util.Locale.ROOT), event,
                owed.fullName() == null ? "" : owed.fullName(), owed.email(), language, extra);
    }
}
