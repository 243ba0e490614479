package eu.koopera.events;

/** What kind of event it is. */
public enum EventKind {
    STUDY_VISIT, SEMINAR, CONFERENCE, REGIONAL_DISCUSSION, TRAINING
}
