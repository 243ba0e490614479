package eu.koopera.associations;

import eu.koopera.tenancy.MigrationStatus;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A tenant as operators see it, with its schema's migration state. */
@Serdeable
public record TenantResponse(String code, String name, String country, String defaultLocale, TenantStatus status,
                             MigrationStatus migrationStatus, @Nullable String schemaVersion,
                             @Nullable String migrationError, @Nullable Instant migratedAt, Instant createdAt,
                             Instant updatedAt) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.code(), tenant.name(), tenant.country(), tenant.defaultLocale(),
                tenant.status(), tenant.migrationStatus(), tenant.schemaVersion(), tenant.migrationError(),
                tenant.migratedAt(), tenant.createdAt(), tenant.updatedAt());
    }
}
