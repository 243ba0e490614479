package eu.koopera.tenancy;

/** Where a tenant's schema stands against the tenant changelog. */
public enum MigrationStatus {
    /** Being created or waiting for migration. */
    PENDING,
    /** At the changelog's last change set. */
    CURRENT,
    /** The last migration failed; see the tenant's migration error. */
    FAILED
}
