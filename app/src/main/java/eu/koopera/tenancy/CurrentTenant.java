package eu.koopera.tenancy;

import io.micronaut.core.propagation.PropagatedContextElement;

/**
 * The tenant a unit of work runs for. Carried in Micronaut's propagated context, so it follows a request across
 * thread hops, and read by {@link TenantBoundDataSource} each time a connection is checked out.
 *
 * @param code   the tenant's code, such as {@code lps}
 * @param schema the tenant's schema, taken from the registry, never from client input
 * @param locale the association's language ({@code lv}, {@code lt}, {@code en}), which decides how its names sort
 */
public record CurrentTenant(String code, String schema, String locale) implements PropagatedContextElement {
}
