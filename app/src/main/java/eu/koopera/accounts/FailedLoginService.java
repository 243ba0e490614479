package eu.koopera.accounts;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps an account's failed-login count and wait in its table, each change in a transaction of its own (the
 * password check before it holds no database connection).
 */
@Singleton
class FailedLoginService {

    private final LoginQueries queries;
    private final LoginThrottleSettings settings;
    private final Clock clock = Clock.systemUTC();

    FailedLoginService(LoginQueries queries, LoginThrottleSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /**
     * Counts one more failure and, from {@link LoginThrottleSettings#accountFailures()} on, makes the addresses
     * that failed on the account wait; the row stays locked until commit, so parallel failures queue here.
     */
    @Transactional
    public void failed(LoginQueries.Kind kind, long id) {
        int count = queries.countFailure(kind, id);
        Duration delay = settings.delayAfter(count, settings.accountFailures());
        if (!delay.isZero()) {
            queries.throttle(kind, id, count, clock.instant().plus(delay));
        }
    }

    /** Forgets the account's failures after a successful login. */
    @Transactional
    public void succeeded(LoginQueries.Kind kind, long id) {
        queries.reset(kind, id);
    }
}
