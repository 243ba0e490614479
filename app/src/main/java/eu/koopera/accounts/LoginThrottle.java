package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Failed logins counted in memory, with growing waits ({@link LoginThrottleSettings#delayAfter}): per client
 * address over all accounts, per account from one address, and per name that has no account (known accounts keep
 * their own count in the database, see {@link LoginQueries}).
 *
 * <p>An account's own count throttles only addresses that have failed on it: an address with a clean record gets
 * its password checked even while someone else hammers the account, so no one can lock its owner out. Counting
 * unknown names like accounts keeps the answers the same whether or not an account exists.
 *
 * <p>A small map of our own rather than Bucket4j: the waits double with each failure, which a token bucket's
 * fixed refill rate does not express; memory is bounded by {@link LoginThrottleSettings#maxTracked()}.
 */
@Singleton
class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration PRUNE_INTERVAL = Duration.ofSeconds(10);

    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.MIN);
    private final LoginThrottleSettings settings;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(LoginThrottleSettings settings) {
        this.settings = settings;
    }

    /**
     * How long this attempt must wait before any password is checked, or zero.
     *
     * @param accountThrottledUntil until when the account is throttled by its database count, for an existing
     *                              account; null lets the count kept here for unknown names decide
     */
    Duration waitFor(LoginAttempt attempt, boolean accountExists, @Nullable Instant accountThrottledUntil) {
        Instant now = clock.instant();
        Instant until = latest(throttledUntil(new Address(attempt.address()), now),
                throttledUntil(pair(attempt), now));
        Instant accountUntil = accountExists ? accountThrottledUntil : throttledUntil(unknown(attempt), now);
        if (accountUntil != null && current(failures.get(pair(attempt)), now) != null) {
            until = latest(until, accountUntil);
        }
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    /** Counts a wrong password (or an unknown name) against the address, the pair and, if unknown, the name. */
    void failed(LoginAttempt attempt, boolean accountExists) {
        Instant now = clock.instant();
        prune(now);
        count(new Address(attempt.address()), settings.addressFailures(), now);
        count(pair(attempt), settings.accountFailures(), now);
        if (!accountExists) {
            count(unknown(attempt), settings.accountFailures(), now);
        }
    }

    /** The right password: this address's failures on this account are forgiven, not those on other accounts. */
    void succeeded(LoginAttempt attempt) {
        failures.remove(pair(attempt));
    }

    private void count(Key key, int free, Instant now) {
        failures.compute(key, (k, old) -> {
            Failures known = current(old, now);
            int count = known == null ? 1 : known.count() + 1;
            Instant until = latest(now.plus(settings.delayAfter(count, free)), known == null ? null : known.until());
            return new Failures(count, now, until);
        });
    }

    private @Nullable Instant throttledUntil(Key key, Instant now) {
        Failures known = current(failures.get(key), now);
        return known == null ? null : known.until();
    }

    private @Nullable Failures current(@Nullable Failures entry, Instant now) {
        return entry == null || entry.forgotten(now, settings.forgetAfter()) ? null : entry;
    }

    private void prune(Instant now) {
        Instant due = nextPrune.get();
        if (failures.size() <= settings.maxTracked() || now.isBefore(due)
                || !nextPrune.compareAndSet(due, now.plus(PRUNE_INTERVAL))) {
            return;
        }
        failures.values().removeIf(entry -> entry.forgotten(now, settings.forgetAfter()));
        int excess = failures.size() - settings.maxTracked();
        if (excess > 0) {
            // under a flood of distinct names or addresses, the entries whose wait ends soonest go first
            LOG.warn("Tracking {} failed-login sources, more than {}; forgetting the {} least throttled",
                    failures.size(), settings.maxTracked(), excess);
            failures.entrySet().stream().sorted(Comparator.comparing(entry -> entry.getValue().until()))
                    .limit(excess).map(Map.Entry::getKey).toList().forEach(failures::remove);
        }
    }

    private static Pair pair(LoginAttempt attempt) {
        return new Pair(attempt.tenant(), attempt.username(), attempt.address());
    }

    private static UnknownName unknown(LoginAttempt attempt) {
        return new UnknownName(attempt.tenant(), attempt.username());
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private sealed interface Key permits Address, Pair, UnknownName {
    }

    private record Address(String address) implements Key {
    }

    private record Pair(String tenant, String username, String address) implements Key {
    }

    private record UnknownName(String tenant, String username) implements Key {
    }

    /** Failures in a row of one key, the last one's time, and until when the key is throttled. */
    private record Failures(int count, Instant last, Instant until) {

        boolean forgotten(Instant now, Duration forgetAfter) {
            return now.isAfter(last.plus(forgetAfter)) && now.isAfter(until);
        }
    }
}
