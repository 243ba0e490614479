/**
 * The portals' benchlearning views: the indicator catalogue, the comparison page with its charts and tables, members
 * side by side, peer groups with the most similar municipalities, and the member portal's "My position".
 */
package eu.koopera.benchlearning.ui;
