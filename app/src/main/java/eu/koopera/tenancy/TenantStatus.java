package eu.koopera.tenancy;

/** Whether a tenant's users may use the platform. */
public enum TenantStatus {
    /** Registered, its schema being created or waiting for its first administrator; nobody signs in yet. */
    PROVISIONING,
    ACTIVE,
    SUSPENDED
}
