package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An association organising an event.
 *
 * @param tenant    the association's code
 * @param owner     whether it owns the event
 * @param seatQuota its share of the places when they are split; null for no limit of its own
 * @param counts    how its registrations stand
 */
@Serdeable
public record OrganiserResponse(String tenant, boolean owner, @Nullable Integer seatQuota, SeatCounts counts) {
}
