package eu.koopera.tenancy;

/** Whether a tenant's users may use the platform. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
