package eu.koopera.associations;

import eu.koopera.tenancy.TenantStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes a tenant; absent fields stay as they are.
 *
 * @param name   a new name
 * @param status {@code ACTIVE} or {@code SUSPENDED}
 */
@Serdeable
public record UpdateTenantCommand(@Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*",
        message = "must not be blank") String name, @Nullable TenantStatus status) {
}
