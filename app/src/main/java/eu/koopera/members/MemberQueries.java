package eu.koopera.members;

import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;

import static eu.koopera.jooq.tenant.Tables.MEMBER;

/** Searches over the current tenant's members. */
@Singleton
class MemberQueries {

    private final DSLContext sql;

    MemberQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** One page of members whose name or code contains {@code text}, ordered by name, with the total count. */
    MemberPage search(String text, int page, int size) {
        Condition matches = text == null || text.isBlank() ? DSL.noCondition()
                : MEMBER.NAME.containsIgnoreCase(text.strip()).or(MEMBER.CODE.containsIgnoreCase(text.strip()));
        int total = sql.fetchCount(MEMBER, matches);
        List<MemberResponse> items = sql.selectFrom(MEMBER)
                .where(matches)
                .orderBy(MEMBER.NAME, MEMBER.ID)
                .limit(size).offset((long) page * size)
                .fetch(record -> new MemberResponse(record.getId(), record.getCode(), record.getName(),
                        record.getKind() == null ? null : MemberKind.valueOf(record.getKind()), record.getRegion(),
                        record.getPopulation(), record.getVersion(), record.getCreatedAt().toInstant(),
                        record.getUpdatedAt().toInstant()));
        return new MemberPage(items, page, size, total);
    }
}
