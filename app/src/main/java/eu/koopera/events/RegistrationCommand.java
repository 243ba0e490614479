package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * A registration for an event.
 *
 * @param personId           the person to register, one of the caller's association's people (administrators
 *                           and coordinators only); absent to register oneself
 * @param role               in which capacity they take part (STAFF when absent)
 * @param dietaryNeeds       dietary needs, if any; personal data, seen only by the registering association
 * @param accessibilityNeeds accessibility needs, if any; personal data, likewise
 * @param consent            that the person agrees to their needs being processed for the event and erased
 *                           after it; required when needs are given
 */
@Serdeable
public record RegistrationCommand(@Nullable Long personId, @Nullable ParticipantRole role,
                                  @Nullable @Size(max = 2000) String dietaryNeeds,
                                  @Nullable @Size(max = 2000) String accessibilityNeeds,
                                  @Nullable Boolean consent) {

    /** Oneself, as staff, with no needs. */
    public static RegistrationCommand self() {
        return new RegistrationCommand(null, null, null, null, null);
    }
}
