package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A coordinator of a network: a user of the owning association. */
@Serdeable
public record CoordinatorResponse(String tenant, long userId, String username, @Nullable String displayName) {
}
