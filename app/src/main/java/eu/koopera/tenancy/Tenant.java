package eu.koopera.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An association registered on the platform, with the state of its schema. */
@MappedEntity(value = "tenant", schema = "platform")
public record Tenant(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        String country,
        String defaultLocale,
        TenantStatus status,
        String schemaName,
        MigrationStatus migrationStatus,
        @Nullable String migrationError,
        @Nullable String schemaVersion,
        @Nullable Instant migratedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** The binding that routes a unit of work to this tenant's schema. */
    public CurrentTenant binding() {
        return new CurrentTenant(code, schemaName, defaultLocale);
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** This tenant after a migration attempt. */
    public Tenant withMigration(MigrationStatus newStatus, @Nullable String error, @Nullable String version, Instant at) {
        return new Tenant(id, code, name, country, defaultLocale, status, schemaName, newStatus, error,
                version == null ? schemaVersion : version, newStatus == MigrationStatus.CURRENT ? at : migratedAt,
                createdAt, at);
    }

    /** This tenant with a new name and status. */
    public Tenant withDetails(String newName, TenantStatus newStatus, Instant at) {
        return new Tenant(id, code, newName, country, defaultLocale, newStatus, schemaName, migrationStatus,
                migrationError, schemaVersion, migratedAt, createdAt, at);
    }
}
