package eu.koopera.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The outcome of checking an audit log's hash chain.
 *
 * @param ok            whether every entry fits the chain
 * @param entries       how many entries were found intact before the first broken one (all, when ok)
 * @param firstBrokenId the id of the first entry that does not fit, or, when the last entries are missing, the id
 *                      the chain head names as last; null when ok
 * @param problem       {@link #CONTENT_CHANGED}, {@link #LINK_BROKEN}, {@link #UNSEALED} or {@link #HEAD_MISMATCH};
 *                      null when ok
 */
@Serdeable
public record AuditVerification(boolean ok, long entries, @Nullable Long firstBrokenId, @Nullable String problem) {

    /** The entry's fields no longer give its stored hash: it was changed. */
    public static final String CONTENT_CHANGED = "content-changed";
    /** The entry does not follow the one before it: an entry was deleted, inserted or moved. */
    public static final String LINK_BROKEN = "link-broken";
    /** An entry after the start of the chain has no hash. */
    public static final String UNSEALED = "unsealed";
    /** The chain ends elsewhere than its head row says: the last entries were deleted. */
    public static final String HEAD_MISMATCH = "head-mismatch";

    static AuditVerification ok(long entries) {
        return new AuditVerification(true, entries, null, null);
    }

    static AuditVerification broken(long entries, long id, String problem) {
        return new AuditVerification(false, entries, id, problem);
    }
}
