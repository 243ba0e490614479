/**
 * The portals' benchlearning views: the indicator catalogue, the comparison page with its charts and tables, the
 * member portal's "My position" and "Our improvement plans", the plan editor with its progress, and the
 * good-practice examples.
 */
package eu.koopera.benchlearning.ui;
