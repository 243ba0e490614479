package eu.koopera.partnerships;

/** What kind of partnership an agreement records. */
public enum AgreementType {
    TWINNING,
    COOPERATION_AGREEMENT,
    COMMUNITY_PARTNERSHIP
}
