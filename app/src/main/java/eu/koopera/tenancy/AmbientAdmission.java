package eu.koopera.tenancy;

import java.util.Optional;

/**
 * Where work started with no explicit binding finds what it was admitted as: the UI implements it from the
 * signed-in session of the current server round trip, re-admitting the account through {@link TenantAdmission} so
 * that a suspended association, a disabled account or changed roles apply at the user's next click. Work with an
 * explicit binding (REST requests, {@link TenantAdmission#callAs}) never consults it.
 */
public interface AmbientAdmission {

    /** The admission of the current round trip, or empty outside one or when nobody is signed in. */
    Optional<Admission> current();
}
