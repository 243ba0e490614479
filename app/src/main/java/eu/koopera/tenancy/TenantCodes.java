package eu.koopera.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for tenant codes, and how a code maps to its schema. */
public final class TenantCodes {

    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{1,30}$");
    private static final Set<String> RESERVED = Set.of("platform", "public", "information_schema", "tenant");

    private TenantCodes() {
    }

    /** Why {@code code} cannot be a tenant code, or empty when it can. */
    public static Optional<String> problemWith(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.of("must be 2 to 31 characters: a lower-case letter, then lower-case letters, digits or _");
        }
        if (RESERVED.contains(code) || code.startsWith("pg_")) {
            return Optional.of("is reserved");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problemWith(code).isEmpty();
    }

    /** The schema that holds a tenant's data. */
    public static String schemaFor(String code) {
        return "t_" + code;
    }
}
