/**
 * The portals' benchlearning views: the indicator catalogue, the comparison page with its charts and tables, members
 * side by side, peer groups with the most similar municipalities, the member portal's "My position" and "Our
 * improvement plans", the plan editor with its progress, and the good-practice examples.
 */
package eu.koopera.benchlearning.ui;
