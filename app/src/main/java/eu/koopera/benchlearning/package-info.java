/**
 * Benchlearning ("learning by comparing"): an association's indicator catalogue, its members' values by year and
 * gender with their import and history, peer groups, and comparisons — a member against its peers with rank,
 * percentile and quartile colour, its trend from a baseline year, and the indicators where it is in its peers'
 * worst quarter. Comparisons are jOOQ queries with window functions, one round trip each.
 */
package eu.koopera.benchlearning;
