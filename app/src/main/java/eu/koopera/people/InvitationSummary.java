package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The association's open invitations.
 *
 * @param pending      invitations not yet accepted, revoked or expired
 * @param expiringSoon those of them that expire within the next two days
 */
@Serdeable
public record InvitationSummary(int pending, int expiringSoon) {
}
