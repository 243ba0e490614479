package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * An organiser's share of an event's places, applied while the seats are split.
 *
 * @param seatQuota the share; no limit of its own when absent
 */
@Serdeable
public record SeatQuotaCommand(@Nullable @Min(0) @Max(10_000) Integer seatQuota) {
}
