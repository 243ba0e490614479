package eu.koopera.networks;

/** What kind of gathering a network meeting is. */
public enum MeetingKind {
    NETWORK_MEETING, SEMINAR, REGIONAL_DISCUSSION, STUDY_VISIT
}
