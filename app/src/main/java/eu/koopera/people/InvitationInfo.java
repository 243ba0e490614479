package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * What the holder of a valid invitation link may see before accepting it.
 *
 * @param tenantCode the association's code
 * @param tenantName the association's name
 * @param personName the invited person's full name
 * @param email      the address the invitation was sent to
 * @param roles      the roles the new account will have
 * @param expiresAt  until when the link can be used
 * @param locale     the language the invitation mail was written in (the association's), for the page it opens
 */
@Serdeable
public record InvitationInfo(String tenantCode, String tenantName, String personName, String email,
                             List<String> roles, Instant expiresAt, String locale) {
}
