package eu.koopera.networks;

/** What kind of thing happened in a network; the UI renders each with its own message key. */
public enum FeedKind {
    NETWORK_CREATED, NETWORK_UPDATED, COORDINATOR_ADDED, ASSOCIATION_INVITED, INVITATION_ACCEPTED,
    INVITATION_DECLINED, ASSOCIATION_LEFT, MUNICIPALITY_ADDED, MUNICIPALITY_REMOVED, PILOT_APPLIED, PILOT_ACCEPTED,
    PILOT_REJECTED, ACTIVITY_CREATED, ACTIVITY_UPDATED, DOCUMENT_ADDED, DOCUMENT_VERSION_ADDED,
    MEETING_CREATED, MEETING_UPDATED, MEETING_ATTENDANCE_RECORDED;

    /** The message key under which the UI finds this kind's text, such as {@code network.feed.pilot-applied}. */
    public String messageKey() {
        return "network.feed." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
