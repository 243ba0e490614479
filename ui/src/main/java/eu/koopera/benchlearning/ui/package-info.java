/**
 * The portals' benchlearning views: the indicator catalogue, the comparison page with its charts and tables, and
 * the member portal's "My position".
 */
package eu.koopera.benchlearning.ui;
