package eu.koopera.platform.mail;

import io.micronaut.core.annotation.Nullable;

/**
 * A mail to send.
 *
 * @param tenantCode the tenant it is sent for, if any, for operators' overview
 * @param recipient  one address
 * @param subject    the subject line
 * @param bodyText   the plain-text body
 * @param bodyHtml   an HTML alternative, if any
 */
public record OutgoingMail(@Nullable String tenantCode, String recipient, String subject, String bodyText,
                           @Nullable String bodyHtml) {
}
