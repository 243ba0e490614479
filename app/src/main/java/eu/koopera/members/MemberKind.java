package eu.koopera.members;

/** The kinds of local government an association's members are. */
public enum MemberKind {
    /** Latvian state city (valstspilsēta). */
    STATE_CITY,
    /** Latvian municipality (novads) or a Lithuanian municipality without a more specific kind. */
    MUNICIPALITY,
    /** Lithuanian city municipality (miesto savivaldybė). */
    CITY_MUNICIPALITY,
    /** Lithuanian district municipality (rajono savivaldybė). */
    DISTRICT_MUNICIPALITY,
    /** Anything else, such as a regional body. */
    OTHER
}
