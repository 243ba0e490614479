/** The portals' views of study visits and other events: the list and calendar, an event's page, and "My events". */
package eu.koopera.events.ui;
