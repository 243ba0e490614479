package eu.koopera.networks;

import eu.koopera.platform.mail.MailMessages;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.mail.OutgoingMail;
import jakarta.inject.Singleton;

/**
 * Tells a pilot applicant how their application was decided, in their language, through the outbox, in the same
 * transaction as the decision: a rolled-back decision sends nothing.
 */
@Singleton
class PilotDecisionMail {

    private final MailOutbox outbox;
    private final MailMessages messages;

    PilotDecisionMail(MailOutbox outbox, MailMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    void enqueue(PilotApplicationQueries.Contact contact, NetworkResponse network, ApplicationResponse decided) {
        String language = messages.languageOf(contact.locale()).getLanguage();
        String key = decided.status() == ApplicationStatus.ACCEPTED ? "pilot.accepted" : "pilot.rejected";
        MailMessages.Text text = messages.render(key, language, network.name().in(language), decided.memberName(),
                decided.reason() == null ? "" : decided.reason());
        outbox.enqueue(new OutgoingMail(decided.tenant(), contact.email(), text.subject(), text.text(), text.html()));
    }
}
