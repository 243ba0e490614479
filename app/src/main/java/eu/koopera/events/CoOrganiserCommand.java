package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An association to add as co-organiser, or whose seat quota to change.
 *
 * @param tenant    the association's code
 * @param seatQuota its share of the places when the event's seats are split; no limit of its own when absent
 */
@Serdeable
public record CoOrganiserCommand(@NotBlank @Size(max = 31) String tenant,
                                 @Nullable @Min(0) @Max(10_000) Integer seatQuota) {
}
