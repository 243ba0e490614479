package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation of an association to a network, as both sides see it.
 *
 * @param networkName the network's name when the invitation was sent
 * @param owner       the inviting association
 * @param tenant      the invited association
 */
@Serdeable
public record NetworkInvitationResponse(UUID id, UUID networkId, LocalizedText networkName, String owner,
                                        String tenant, InvitationStatus status, String invitedBy,
                                        Instant invitedAt, @Nullable String decidedBy,
                                        @Nullable Instant decidedAt) {
}
