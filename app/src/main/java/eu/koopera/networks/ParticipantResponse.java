package eu.koopera.networks;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A municipality taking part in a network: its association, its id there and a copy of its name. */
@Serdeable
public record ParticipantResponse(String tenant, long memberId, String memberName, Instant addedAt) {
}
