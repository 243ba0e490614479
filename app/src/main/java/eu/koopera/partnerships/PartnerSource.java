package eu.koopera.partnerships;

/** Where partner search found a municipality. */
public enum PartnerSource {
    /** A member of the caller's own association. */
    OWN,
    /** A member of another association that shares its members in the partner directory. */
    ASSOCIATION,
    /** A foreign municipality the caller's association imported. */
    FOREIGN
}
