package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;

/**
 * A meeting of a twinning committee.
 *
 * @param title    what the meeting is
 * @param startsAt local start, in {@code timeZone}
 * @param endsAt   local end, in {@code timeZone}; after {@code startsAt}
 * @param timeZone an IANA time zone such as {@code Europe/Riga}
 * @param place    where it takes place
 * @param agenda   the agenda
 */
@Serdeable
public record CommitteeMeetingCommand(@NotBlank @Size(max = 300) String title, @NotNull LocalDateTime startsAt,
                                      @NotNull LocalDateTime endsAt, @NotBlank @Size(max = 64) String timeZone,
                                      @NotBlank @Size(max = 500) String place,
                                      @Nullable @Size(max = 20_000) String agenda) {
}
