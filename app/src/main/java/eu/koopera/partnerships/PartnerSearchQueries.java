package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static eu.koopera.jooq.shared.Tables.AGREEMENT_PARTY;
import static eu.koopera.jooq.shared.Tables.PARTNER_DIRECTORY_ENTRY;
import static eu.koopera.jooq.shared.Tables.PARTNER_SEARCH_SETTING;

/**
 * The partner directory in {@code shared} and the partnership counts partner search shows. Row-level security
 * decides what is read: the directory entries of the associations that opt in (and one's own), and the parties of
 * the agreements the association can see.
 */
@Singleton
class PartnerSearchQueries {

    private final DSLContext sql;

    PartnerSearchQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** The association's choice and how many members it published; not sharing when it never chose. */
    SearchSettings settings(String tenant) {
        int published = sql.fetchCount(PARTNER_DIRECTORY_ENTRY, PARTNER_DIRECTORY_ENTRY.TENANT_CODE.eq(tenant));
        return sql.selectFrom(PARTNER_SEARCH_SETTING).where(PARTNER_SEARCH_SETTING.TENANT_CODE.eq(tenant))
                .fetchOptional(row -> new SearchSettings(row.getShareMembers(), row.getPublishedAt(), published))
                .orElse(new SearchSettings(false, null, 0));
    }

    /** Records the association's choice, locking its setting row until the transaction ends. */
    void saveSetting(String tenant, boolean share, @Nullable OffsetDateTime publishedAt, String by) {
        sql.insertInto(PARTNER_SEARCH_SETTING)
                .set(PARTNER_SEARCH_SETTING.TENANT_CODE, tenant)
                .set(PARTNER_SEARCH_SETTING.SHARE_MEMBERS, share)
                .set(PARTNER_SEARCH_SETTING.PUBLISHED_AT, publishedAt)
                .set(PARTNER_SEARCH_SETTING.UPDATED_BY, by)
                .onConflict(PARTNER_SEARCH_SETTING.TENANT_CODE).doUpdate()
                .set(PARTNER_SEARCH_SETTING.SHARE_MEMBERS, share)
                .set(PARTNER_SEARCH_SETTING.PUBLISHED_AT, publishedAt)
                .set(PARTNER_SEARCH_SETTING.UPDATED_BY, by)
                .set(PARTNER_SEARCH_SETTING.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    void clearDirectory(String tenant) {
        sql.deleteFrom(PARTNER_DIRECTORY_ENTRY).where(PARTNER_DIRECTORY_ENTRY.TENANT_CODE.eq(tenant)).execute();
    }

    /** Publishes the association's members; their tenant is the one each candidate names. */
    void publish(List<PartnerCandidate> members) {
        if (members.isEmpty()) {
            return;
        }
        var insert = sql.insertInto(PARTNER_DIRECTORY_ENTRY, PARTNER_DIRECTORY_ENTRY.TENANT_CODE,
                PARTNER_DIRECTORY_ENTRY.MEMBER_ID, PARTNER_DIRECTORY_ENTRY.NAME, PARTNER_DIRECTORY_ENTRY.KIND,
                PARTNER_DIRECTORY_ENTRY.COUNTRY, PARTNER_DIRECTORY_ENTRY.POPULATION, PARTNER_DIRECTORY_ENTRY.THEMES);
        for (PartnerCandidate member : members) {
            insert = insert.values(member.tenant(), member.memberId(), member.name(), member.kind(),
                    member.country(), member.population(), member.themes().toArray(String[]::new));
        }
        insert.execute();
    }

    /** Every directory entry the association may read except its own, by name. */
    List<PartnerCandidate> othersDirectory(String tenant) {
        return sql.selectFrom(PARTNER_DIRECTORY_ENTRY)
                .where(PARTNER_DIRECTORY_ENTRY.TENANT_CODE.ne(tenant))
                .orderBy(PARTNER_DIRECTORY_ENTRY.NAME, PARTNER_DIRECTORY_ENTRY.TENANT_CODE,
                        PARTNER_DIRECTORY_ENTRY.MEMBER_ID)
                .fetch(row -> new PartnerCandidate(PartnerSource.ASSOCIATION, row.getTenantCode(), row.getMemberId(),
                        null, row.getName(), row.getKind(), row.getCountry(), row.getPopulation(),
                        Arrays.asList(row.getThemes()), 0));
    }

    /** How many visible agreements name each member party, by {@link #memberKey}. */
    Map<String, Integer> memberPartnerships() {
        Map<String, Integer> counts = new HashMap<>();
        sql.select(AGREEMENT_PARTY.TENANT_CODE, AGREEMENT_PARTY.MEMBER_ID,
                        DSL.countDistinct(AGREEMENT_PARTY.AGREEMENT_ID))
                .from(AGREEMENT_PARTY).where(AGREEMENT_PARTY.KIND.eq(PartyKind.MEMBER.name()))
                .groupBy(AGREEMENT_PARTY.TENANT_CODE, AGREEMENT_PARTY.MEMBER_ID)
                .forEach(row -> counts.put(memberKey(row.value1(), row.value2()), row.value3()));
        return counts;
    }

    /** How many visible agreements name each foreign party, by {@link #foreignKey}. */
    Map<String, Integer> foreignPartnerships() {
        Map<String, Integer> counts = new HashMap<>();
        // names are compared without case as Java lowers them, so that the key matches the imported list's
        sql.select(AGREEMENT_PARTY.COUNTRY, AGREEMENT_PARTY.NAME, DSL.countDistinct(AGREEMENT_PARTY.AGREEMENT_ID))
                .from(AGREEMENT_PARTY).where(AGREEMENT_PARTY.KIND.eq(PartyKind.FOREIGN.name()))
                .groupBy(AGREEMENT_PARTY.COUNTRY, AGREEMENT_PARTY.NAME)
                .forEach(row -> counts.merge(foreignKey(row.value1(), row.value2()), row.value3(), Integer::sum));
        return counts;
    }

    static String memberKey(@Nullable String tenant, @Nullable Long memberId) {
        return tenant + "/" + memberId;
    }

    static String foreignKey(@Nullable String country, String name) {
        return country + "/" + name.strip().toLowerCase(Locale.ROOT);
    }
}
