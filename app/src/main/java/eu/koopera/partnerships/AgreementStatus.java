package eu.koopera.partnerships;

/** Where an agreement stands; it stays a DRAFT until every other association named in it has confirmed. */
public enum AgreementStatus {
    DRAFT,
    ACTIVE,
    SUSPENDED,
    ENDED
}
