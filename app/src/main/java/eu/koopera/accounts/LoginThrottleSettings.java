package eu.koopera.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * When failed logins start to cost waiting time. The wait after the {@code n}-th failure of a kind is
 * {@code firstDelay * 2^(n - free)}, at most {@code maxDelay}; before {@code free} failures there is none.
 *
 * @param accountFailures failed logins on one account (from one address, or in all) before it is throttled
 * @param addressFailures failed logins from one client address, on any accounts, before that address is throttled
 * @param firstDelay      the first wait
 * @param maxDelay        the longest wait
 * @param forgetAfter     how long after its last failure a client address or an unknown name is forgotten
 * @param maxTracked      how many addresses and names are remembered at most, so that memory stays bounded
 */
@ConfigurationProperties("koopera.auth.throttle")
public record LoginThrottleSettings(int accountFailures, int addressFailures, Duration firstDelay,
                                    Duration maxDelay, Duration forgetAfter, int maxTracked) {

    /** The wait after {@code failures} failures of a kind that may fail {@code free} times without one. */
    public Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
