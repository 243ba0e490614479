package eu.koopera.partnerships;

/** Whether a twinning committee member takes part as a resident or as an official. */
public enum CommitteeRole {
    RESIDENT,
    OFFICIAL
}
