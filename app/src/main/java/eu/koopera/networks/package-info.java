/**
 * Cooperation networks shared across associations: the owner's network with its coordinators, the associations
 * it invites, the member municipalities each association brings, pilot applications, meetings (with RFC 5545
 * calendar files and personal subscription feeds) and the feed. Everything lives in the {@code shared} schema
 * under row-level security; member registers stay in each association's schema.
 */
package eu.koopera.networks;
