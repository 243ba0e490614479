/**
 * What every RFC 5545 calendar file Koopera writes needs alike: the VTIMEZONE of a zone under the zone's own id,
 * and the calendar's text. Features build their own VEVENTs.
 */
package eu.koopera.platform.calendar;
