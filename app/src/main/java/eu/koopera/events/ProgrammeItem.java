package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One item of an event's programme.
 *
 * @param day     the day, within the event
 * @param time    the local start time, if fixed
 * @param item    what happens
 * @param speaker who speaks or hosts
 * @param place   where
 */
@Serdeable
public record ProgrammeItem(@NotNull LocalDate day, @Nullable LocalTime time,
                            @NotBlank @Size(max = 500) String item, @Nullable @Size(max = 300) String speaker,
                            @Nullable @Size(max = 300) String place) {
}
