/**
 * Partnerships between municipalities: twinning, cooperation agreements and community partnerships, with their
 * parties (members of this or another association, foreign municipalities, community organisations), budget
 * commitments and spending, and reviews. Everything lives in the {@code shared} schema under row-level security:
 * an association reads an agreement it owns or one that names one of its members; member registers stay in each
 * association's schema.
 */
package eu.koopera.partnerships;
