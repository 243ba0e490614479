/**
 * Study visits, seminars, conferences, regional discussions and trainings, organised by one association and
 * optionally co-organised by others: capacity-safe registration with a waitlist and timed offers, approval,
 * per-municipality and per-association quotas, mails through the outbox, calendar files, lists and exports,
 * check-in, reports and feedback, and erasure of personal data after the event. Everything lives in the
 * {@code shared} schema under row-level security: seat facts are visible to every organiser, personal data only
 * to the association that registered the person.
 */
package eu.koopera.events;
