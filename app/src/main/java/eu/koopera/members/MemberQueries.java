package eu.koopera.members;

import eu.koopera.jooq.tenant.tables.records.MemberRecord;
import eu.koopera.platform.collation.NameOrder;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static eu.koopera.jooq.tenant.Tables.MEMBER;
import static eu.koopera.jooq.tenant.Tables.MEMBER_STATUS_CHANGE;

/** Searches and history over the current tenant's members. */
@Singleton
class MemberQueries {

    private static final int BATCH = 1_000;

    private final DSLContext sql;
    private final NameOrder names;

    MemberQueries(DSLContext sql, NameOrder names) {
        this.sql = sql;
        this.names = names;
    }

    /** One page of matching members with the total count. */
    MemberPage search(MemberSearch search, int page, int size) {
        Condition where = conditionFor(search);
        int total = sql.fetchCount(MEMBER, where);
        List<MemberResponse> items = sql.selectFrom(MEMBER)
                .where(where)
                .orderBy(order(search), MEMBER.ID.asc())
                .limit(size).offset((long) page * size)
                .fetch(MemberQueries::toResponse);
        return new MemberPage(items, page, size, total);
    }

    /** How many members are in each membership status; statuses nobody is in count zero. */
    Map<MembershipStatus, Integer> countByStatus() {
        Map<MembershipStatus, Integer> counts = new java.util.EnumMap<>(MembershipStatus.class);
        for (MembershipStatus status : MembershipStatus.values()) {
            counts.put(status, 0);
        }
        sql.select(MEMBER.MEMBERSHIP_STATUS, DSL.count()).from(MEMBER).groupBy(MEMBER.MEMBERSHIP_STATUS)
                .forEach(row -> counts.put(MembershipStatus.valueOf(row.value1()), row.value2()));
        return counts;
    }

    /** All matching members in the given order, for export. */
    List<MemberResponse> all(MemberSearch search) {
        return sql.selectFrom(MEMBER).where(conditionFor(search)).orderBy(order(search), MEMBER.ID.asc())
                .fetch(MemberQueries::toResponse);
    }

    /** Members whose code is one of {@code codes}, by code. */
    Map<String, MemberResponse> byCodes(Collection<String> codes) {
        return sql.selectFrom(MEMBER).where(MEMBER.CODE.in(codes)).fetch(MemberQueries::toResponse).stream()
                .collect(Collectors.toMap(MemberResponse::code, Function.identity()));
    }

    /** Inserts imported rows as ACTIVE members, with their first history entry; returns them as stored. */
    List<MemberResponse> insertImported(List<MemberImportRow> rows, LocalDate since, String changedBy) {
        List<MemberResponse> created = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            var insert = sql.insertInto(MEMBER, MEMBER.CODE, MEMBER.NAME, MEMBER.KIND, MEMBER.REGION,
                    MEMBER.POPULATION, MEMBER.WEBSITE, MEMBER.MEMBERSHIP_STATUS, MEMBER.MEMBERSHIP_SINCE);
            for (MemberImportRow row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                insert = insert.values(row.code(), row.name(), row.kind() == null ? null : row.kind().name(),
                        row.region(), row.population(), row.website(), MembershipStatus.ACTIVE.name(), since);
            }
            List<MemberResponse> batch = insert.returning().fetch(MemberQueries::toResponse);
            var history = sql.insertInto(MEMBER_STATUS_CHANGE, MEMBER_STATUS_CHANGE.MEMBER_ID,
                    MEMBER_STATUS_CHANGE.TO_STATUS, MEMBER_STATUS_CHANGE.EFFECTIVE_ON, MEMBER_STATUS_CHANGE.NOTE,
                    MEMBER_STATUS_CHANGE.CHANGED_BY);
            for (MemberResponse member : batch) {
                history = history.values(member.id(), MembershipStatus.ACTIVE.name(), since, "Imported", changedBy);
            }
            history.execute();
            created.addAll(batch);
        }
        analyzeAfterBulkChange(rows.size());
        return created;
    }

    /** Updates members by code with the imported columns; returns them as stored, by code. */
    Map<String, MemberResponse> updateImported(List<MemberImportRow> rows, java.util.Set<String> columns) {
        List<org.jooq.Query> updates = new ArrayList<>();
        for (MemberImportRow row : rows) {
            var update = sql.update(MEMBER).set(MEMBER.NAME, row.name())
                    .set(MEMBER.VERSION, MEMBER.VERSION.plus(1))
                    .set(MEMBER.UPDATED_AT, java.time.OffsetDateTime.now());
            if (columns.contains("kind")) {
                update = update.set(MEMBER.KIND, row.kind() == null ? null : row.kind().name());
            }
            if (columns.contains("region")) {
                update = update.set(MEMBER.REGION, row.region());
            }
            if (columns.contains("population")) {
                update = update.set(MEMBER.POPULATION, row.population());
            }
            if (columns.contains("website")) {
                update = update.set(MEMBER.WEBSITE, row.website());
            }
            updates.add(update.where(MEMBER.CODE.eq(row.code())));
        }
        for (int from = 0; from < updates.size(); from += BATCH) {
            sql.batch(updates.subList(from, Math.min(updates.size(), from + BATCH))).execute();
        }
        return rows.isEmpty() ? Map.of() : byCodes(rows.stream().map(MemberImportRow::code).toList());
    }

    /** Fresh planner statistics after a large import, so that searches use the trigram index at once. */
    private void analyzeAfterBulkChange(int rows) {
        if (rows >= 500) {
            sql.execute("ANALYZE member");
        }
    }

    List<MembershipHistoryEntry> history(long memberId) {
        return sql.selectFrom(MEMBER_STATUS_CHANGE)
                .where(MEMBER_STATUS_CHANGE.MEMBER_ID.eq(memberId))
                .orderBy(MEMBER_STATUS_CHANGE.CHANGED_AT.desc(), MEMBER_STATUS_CHANGE.ID.desc())
                .fetch(row -> new MembershipHistoryEntry(
                        row.getFromStatus() == null ? null : MembershipStatus.valueOf(row.getFromStatus()),
                        MembershipStatus.valueOf(row.getToStatus()), row.getEffectiveOn(), row.getNote(),
                        row.getChangedBy(), row.getChangedAt().toInstant()));
    }

    void recordStatusChange(long memberId, MembershipStatus from, MembershipStatus to, LocalDate effectiveOn,
                            String note, String changedBy) {
        sql.insertInto(MEMBER_STATUS_CHANGE)
                .set(MEMBER_STATUS_CHANGE.MEMBER_ID, memberId)
                .set(MEMBER_STATUS_CHANGE.FROM_STATUS, from == null ? null : from.name())
                .set(MEMBER_STATUS_CHANGE.TO_STATUS, to.name())
                .set(MEMBER_STATUS_CHANGE.EFFECTIVE_ON, effectiveOn)
                .set(MEMBER_STATUS_CHANGE.NOTE, note)
                .set(MEMBER_STATUS_CHANGE.CHANGED_BY, changedBy)
                .execute();
    }

    private static Condition conditionFor(MemberSearch search) {
        List<Condition> conditions = new ArrayList<>();
        if (search.text() != null && !search.text().isBlank()) {
            Field<String> pattern = DSL.concat(DSL.inline("%"),
                    DSL.field("platform.search_text({0})", String.class, DSL.val(escapeLike(search.text().strip()))),
                    DSL.inline("%"));
            conditions.add(MEMBER.SEARCH_TEXT.like(pattern, '\\'));
        }
        if (search.kind() != null) {
            conditions.add(MEMBER.KIND.eq(search.kind().name()));
        }
        if (search.region() != null && !search.region().isBlank()) {
            conditions.add(MEMBER.REGION.eq(search.region()));
        }
        if (search.country() != null && !search.country().isBlank()) {
            conditions.add(MEMBER.COUNTRY.eq(search.country()));
        }
        if (search.membershipStatus() != null) {
            conditions.add(MEMBER.MEMBERSHIP_STATUS.eq(search.membershipStatus().name()));
        }
        return DSL.and(conditions);
    }

    private SortField<?> order(MemberSearch search) {
        Field<?> field = switch (search.sort()) {
            case NAME -> names.collated(MEMBER.NAME);
            case CODE -> MEMBER.CODE;
            case KIND -> MEMBER.KIND;
            case REGION -> names.collated(MEMBER.REGION);
            case POPULATION -> MEMBER.POPULATION;
            case MEMBERSHIP_STATUS -> MEMBER.MEMBERSHIP_STATUS;
            case UPDATED_AT -> MEMBER.UPDATED_AT;
        };
        return search.descending() ? field.desc().nullsLast() : field.asc().nullsLast();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static MemberResponse toResponse(MemberRecord row) {
        return new MemberResponse(row.getId(), row.getCode(), row.getName(),
                row.getKind() == null ? null : MemberKind.valueOf(row.getKind()), row.getCountry(), row.getRegion(),
                row.getPopulation(), row.getPopulationYear() == null ? null : row.getPopulationYear().intValue(),
                row.getAddress(), row.getWebsite(), row.getNotes(), MembershipStatus.valueOf(row.getMembershipStatus()),
                row.getMembershipSince(), row.getVersion(), row.getCreatedAt().toInstant(),
                row.getUpdatedAt().toInstant());
    }
}
