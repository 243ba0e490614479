package eu.koopera.partnerships;

/** The legal form of a partnership between a municipality and community organisations. */
public enum LegalForm {
    PUBLIC_PROCUREMENT,
    PREMISES_AND_RESOURCES,
    PROJECT_FINANCING
}
