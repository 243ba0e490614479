package eu.koopera.platform.security;

import java.util.Set;

/** The roles Koopera knows. Operators belong to no tenant; the other roles exist inside one tenant. */
public final class Roles {

    public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";
    public static final String ASSOCIATION_ADMIN = "ASSOCIATION_ADMIN";
    public static final String NETWORK_COORDINATOR = "NETWORK_COORDINATOR";
    public static final String MEMBER = "MEMBER";

    /** Roles a tenant user may hold. */
    public static final Set<String> TENANT_ROLES = Set.of(ASSOCIATION_ADMIN, NETWORK_COORDINATOR, MEMBER);

    private Roles() {
    }
}
