package eu.koopera.events;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How the places of an event (or of one organiser's share of them) stand, counted from the seat facts of every
 * organising association.
 *
 * @param confirmed  confirmed participants
 * @param offered    freed places offered and not yet answered
 * @param waitlisted people on the waitlist
 * @param pending    registrations waiting for approval
 * @param placesLeft places neither confirmed nor offered (for the whole event)
 */
@Serdeable
public record SeatCounts(int confirmed, int offered, int waitlisted, int pending, int placesLeft) {
}
