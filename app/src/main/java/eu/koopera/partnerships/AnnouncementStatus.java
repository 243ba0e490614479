package eu.koopera.partnerships;

/** Whether a "looking for a partner" announcement takes replies. */
public enum AnnouncementStatus {
    /** Open until its deadline has passed. */
    OPEN,
    /** Closed by its owner, or its deadline has passed. */
    CLOSED
}
