package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/**
 * Opts the association in to, or out of, the partner directory. Opting in (again) publishes its current register.
 *
 * @param shareMembers whether other associations may find its members
 */
@Serdeable
public record SearchSettingsCommand(@NotNull Boolean shareMembers) {
}
