package eu.koopera.accounts;

/**
 * One try to log in, as abuse limits see it.
 *
 * @param tenant   the tenant's code, or empty for platform operators
 * @param username the name tried, whether or not such an account exists
 * @param address  the client address ({@code eu.koopera.platform.web.ClientAddresses})
 */
record LoginAttempt(String tenant, String username, String address) {
}
