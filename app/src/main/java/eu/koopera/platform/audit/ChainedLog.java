package eu.koopera.platform.audit;

import io.micronaut.core.annotation.Nullable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;

import java.util.List;
import java.util.function.Function;

/**
 * The chain bookkeeping an audit log table shares with the others: its one-row head ({@code id = 1},
 * {@code last_entry_id}, {@code last_hash}) locked by every append, the sealing of a new row, and the check.
 *
 * @param <R> the log's record type
 */
public final class ChainedLog<R extends Record> {

    private static final short HEAD = 1;
    private static final int PAGE = 1_000;

    private final DSLContext sql;
    private final Table<R> log;
    private final Field<Long> id;
    private final Field<String> prevHash;
    private final Field<String> hash;
    private final Head head;
    private final Function<R, List<@Nullable String>> fields;

    /**
     * @param fields the row's fields the hash covers, in a fixed order, as {@link AuditChain#hash} takes them
     */
    public ChainedLog(DSLContext sql, Table<R> log, Field<Long> id, Field<String> prevHash, Field<String> hash,
                      Head head, Function<R, List<@Nullable String>> fields) {
        this.sql = sql;
        this.log = log;
        this.id = id;
        this.prevHash = prevHash;
        this.hash = hash;
        this.head = head;
        this.fields = fields;
    }

    /**
     * The head row of a log's chain.
     *
     * @param table       the head table
     * @param id          its key, always 1
     * @param lastEntryId the last entry's id, null before the first
     * @param lastHash    the last entry's hash, null before the first
     */
    public record Head(Table<?> table, Field<Short> id, Field<Long> lastEntryId, Field<String> lastHash) {
    }

    /**
     * Locks the chain head until the transaction ends and returns the last entry's hash; on first use chains the
     * entries written before the chain existed, in id order from the genesis. Call before inserting an entry.
     */
    public String lockHead() {
        String last = sql.select(head.lastHash()).from(head.table()).where(head.id().eq(HEAD)).forUpdate()
                .fetchSingle(head.lastHash());
        if (last != null) {
            return last;
        }
        String previous = AuditChain.GENESIS;
        Long lastId = null;
        for (R row : sql.selectFrom(log).where(hash.isNull()).orderBy(id).fetch()) {
            previous = link(row, previous);
            lastId = row.get(id);
        }
        if (lastId != null) {
            moveHead(lastId, previous);
        }
        return previous;
    }

    /**
     * Stores a just inserted row's link and hash and moves the head to it.
     *
     * @param row      the row as the database returned it, so that every value is as it will be read back
     * @param previous what {@link #lockHead()} returned, or the hash of the row sealed just before
     * @return the row's hash
     */
    public String seal(R row, String previous) {
        String sealed = link(row, previous);
        moveHead(row.get(id), sealed);
        return sealed;
    }

    private String link(R row, String previous) {
        String sealed = AuditChain.hash(previous, fields.apply(row));
        sql.update(log).set(prevHash, previous).set(hash, sealed).where(id.eq(row.get(id))).execute();
        return sealed;
    }

    private void moveHead(Long lastId, String lastHash) {
        sql.update(head.table()).set(head.lastEntryId(), lastId).set(head.lastHash(), lastHash)
                .where(head.id().eq(HEAD)).execute();
    }

    /**
     * Checks the chain from its first entry to the last the head names, a page at a time and without blocking
     * writers (entries appended meanwhile lie beyond the head read first).
     */
    public AuditVerification verify() {
        Record2<Long, String> current = head();
        if (current.value2() == null) {
            lockHead(); // chains the entries from before the chain, if any
            current = head();
        }
        long limit = current.value1() == null ? Long.MAX_VALUE : current.value1();
        AuditChain.Walk walk = new AuditChain.Walk();
        Long last = null;
        long after = Long.MIN_VALUE;
        boolean going = true;
        while (going) {
            List<R> rows = sql.selectFrom(log).where(id.gt(after)).and(id.le(limit)).orderBy(id).limit(PAGE).fetch();
            for (R row : rows) {
                last = row.get(id);
                if (!walk.next(last, row.get(prevHash), row.get(hash), fields.apply(row))) {
                    going = false;
                    break;
                }
            }
            going = going && rows.size() == PAGE;
            after = last == null ? after : last;
        }
        return walk.result(current.value1(), current.value2(), last);
    }

    private Record2<Long, String> head() {
        return sql.select(head.lastEntryId(), head.lastHash()).from(head.table()).where(head.id().eq(HEAD))
                .fetchSingle();
    }
}
