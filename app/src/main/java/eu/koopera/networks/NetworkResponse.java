package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A network as the API returns it; {@code version} must be sent back with changes.
 *
 * @param owner   the code of the owning association
 * @param tenants the codes of every association taking part, the owner included
 */
@Serdeable
public record NetworkResponse(UUID id, String owner, List<String> tenants, LocalizedText name,
                              LocalizedText description, @Nullable String theme, NetworkStatus status,
                              @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable Integer maxPilots,
                              long version, Instant createdAt, Instant updatedAt) {

    boolean ownedBy(String tenant) {
        return owner.equals(tenant);
    }
}
