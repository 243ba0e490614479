package eu.koopera.platform.mail;

import io.micronaut.core.annotation.Nullable;

/** A due mail, locked by the sender for one delivery attempt. */
record QueuedMail(long id, String recipient, String subject, String bodyText, @Nullable String bodyHtml,
                  int attempts) {
}
