package eu.koopera.events;

/**
 * How the places of a joint event are shared among its organisers: {@link #SHARED} first come, first served
 * across associations; {@link #SPLIT} each association within its own seat quota.
 */
public enum SeatPool {
    SHARED, SPLIT
}
