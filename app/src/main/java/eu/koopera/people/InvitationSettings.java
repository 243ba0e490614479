package eu.koopera.people;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Invitations to become a user.
 *
 * @param ttl how long an invitation link stays valid
 */
@ConfigurationProperties("koopera.invitations")
public record InvitationSettings(@Bindable(defaultValue = "7d") Duration ttl) {
}
