package eu.koopera.platform.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock that time-dependent rules read (registration windows, offer deadlines, data retention), as a bean so
 * that tests can replace it with one they move.
 */
@Factory
class ClockFactory {

    /** The system clock in UTC. */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
