/**
 * The association administrator's dashboard: what needs attention across the other features (members by status,
 * people without accounts, invitations about to expire, recent changes, mail that could not be sent), read
 * through those features' services.
 */
package eu.koopera.dashboard;
