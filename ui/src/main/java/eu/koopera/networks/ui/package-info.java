/** The portals' views of cooperation networks shared across associations. */
package eu.koopera.networks.ui;
