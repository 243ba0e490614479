package eu.koopera.events;

/** The mail a registration owes its registrant, sent in the registering association's own transaction. */
enum Notice {
    PENDING, CONFIRMED, WAITLISTED, OFFERED, REJECTED, EXPIRED, CANCELLED
}
