/** The portals' views of partnerships: agreements, their budgets, reviews, plans and committees, and confirmations. */
package eu.koopera.partnerships.ui;
