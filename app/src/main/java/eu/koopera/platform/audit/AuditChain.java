package eu.koopera.platform.audit;

import io.micronaut.core.annotation.Nullable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain that makes changes to an audit log evident: each entry's {@code hash} is SHA-256 over a version
 * tag, the previous entry's hash ({@link #GENESIS} for the first) and a canonical encoding of the entry's fields,
 * each as its UTF-8 length and bytes (or -1 for null), so that no two different entries encode alike. Changing,
 * deleting, inserting or renumbering a row breaks the chain at that row or at the one after it; deleting the last
 * rows is told by the chain head row, which names the last entry and its hash.
 */
public final class AuditChain {

    /** What the first entry's {@code prev_hash} is: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] VERSION = "koopera-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /**
     * The hash of one entry.
     *
     * @param prevHash the previous entry's hash, or {@link #GENESIS}
     * @param fields   the entry's fields in the log's fixed order, as {@link #text} gives them
     */
    public static String hash(String prevHash, List<@Nullable String> fields) {
        MessageDigest sha = sha256();
        sha.update(VERSION);
        sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        for (String field : fields) {
            if (field == null) {
                sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A timestamp as the chain encodes it: microseconds since the epoch, the precision PostgreSQL stores. */
    public static String text(OffsetDateTime time) {
        Instant instant = time.toInstant();
        return Long.toString(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Walks a log's entries in id order and stops at the first one that does not fit.
     */
    public static final class Walk {

        private String previous = GENESIS;
        private long entries;
        private @Nullable AuditVerification broken;

        /**
         * Checks the next entry.
         *
         * @return false once the chain is broken (here or before), so the caller can stop reading
         */
        public boolean next(long id, @Nullable String prevHash, @Nullable String hash, List<@Nullable String> fields) {
            if (broken != null) {
                return false;
            }
            if (hash == null || prevHash == null) {
                broken = AuditVerification.broken(entries, id, AuditVerification.UNSEALED);
            } else if (!prevHash.equals(previous)) {
                broken = AuditVerification.broken(entries, id, AuditVerification.LINK_BROKEN);
            } else if (!hash.equals(hash(prevHash, fields))) {
                broken = AuditVerification.broken(entries, id, AuditVerification.CONTENT_CHANGED);
            } else {
                previous = hash;
                entries++;
                return true;
            }
            return false;
        }

        /**
         * The outcome, given the chain head row.
         *
         * @param headId   the last entry the head names, null before the first append
         * @param headHash its hash
         * @param lastId   the id of the last entry walked, null for none
         */
        public AuditVerification result(@Nullable Long headId, @Nullable String headHash, @Nullable Long lastId) {
            if (broken != null) {
                return broken;
            }
            boolean headFits = headId == null ? lastId == null && entries == 0
                    : headId.equals(lastId) && previous.equals(headHash);
            if (!headFits) {
                // the last entries were removed (or the head was rewritten): name the entry the head expects
                return AuditVerification.broken(entries, headId == null ? (lastId == null ? 0 : lastId) : headId,
                        AuditVerification.HEAD_MISMATCH);
            }
            return AuditVerification.ok(entries);
        }
    }
}
