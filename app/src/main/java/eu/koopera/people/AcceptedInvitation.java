package eu.koopera.people;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The account an accepted invitation created; log in with it (and {@code X-Tenant: tenantCode}).
 *
 * @param tenantCode the association's code
 * @param username   the new account's username
 * @param roles      its roles
 * @param personId   the person it is linked to
 */
@Serdeable
public record AcceptedInvitation(String tenantCode, String username, List<String> roles, Long personId) {
}
