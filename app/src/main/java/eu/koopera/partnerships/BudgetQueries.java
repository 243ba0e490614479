package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.AGREEMENT_COMMITMENT;
import static eu.koopera.jooq.shared.Tables.AGREEMENT_SPENDING;

/** Commitments and spending of agreements' parties, and the fulfilment report over them. */
@Singleton
class BudgetQueries {

    private final DSLContext sql;

    BudgetQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Whether a commitment or a spending entry names the party. */
    boolean hasEntries(UUID partyId) {
        return sql.fetchExists(AGREEMENT_COMMITMENT, AGREEMENT_COMMITMENT.PARTY_ID.eq(partyId))
                || sql.fetchExists(AGREEMENT_SPENDING, AGREEMENT_SPENDING.PARTY_ID.eq(partyId));
    }

    /** The currencies of the party's commitments for the year. */
    List<String> commitmentCurrencies(UUID partyId, int year) {
        return sql.select(AGREEMENT_COMMITMENT.CURRENCY).from(AGREEMENT_COMMITMENT)
                .where(AGREEMENT_COMMITMENT.PARTY_ID.eq(partyId), AGREEMENT_COMMITMENT.YEAR.eq((short) year))
                .orderBy(AGREEMENT_COMMITMENT.CURRENCY).fetch(AGREEMENT_COMMITMENT.CURRENCY);
    }

    /** Adds a commitment; false when the party has one for the year and currency already. */
    @Nullable CommitmentResponse commit(UUID agreementId, String owner, CommitmentCommand command, String currency,
                                        BigDecimal amount, String recordedBy) {
        return sql.insertInto(AGREEMENT_COMMITMENT)
                .set(AGREEMENT_COMMITMENT.AGREEMENT_ID, agreementId)
                .set(AGREEMENT_COMMITMENT.OWNER_TENANT, owner)
                .set(AGREEMENT_COMMITMENT.PARTY_ID, command.party())
                .set(AGREEMENT_COMMITMENT.YEAR, command.year().shortValue())
                .set(AGREEMENT_COMMITMENT.AMOUNT, amount)
                .set(AGREEMENT_COMMITMENT.CURRENCY, currency)
                .set(AGREEMENT_COMMITMENT.RECORDED_BY, recordedBy)
                .onConflictDoNothing()
                .returning().fetchOptional(row -> new CommitmentResponse(row.getId(), row.getPartyId(),
                        row.getYear(), row.getAmount(), row.getCurrency())).orElse(null);
    }

    SpendingResponse spend(UUID agreementId, String owner, SpendingCommand command, String currency,
                           BigDecimal amount, String recordedBy) {
        return sql.insertInto(AGREEMENT_SPENDING)
                .set(AGREEMENT_SPENDING.AGREEMENT_ID, agreementId)
                .set(AGREEMENT_SPENDING.OWNER_TENANT, owner)
                .set(AGREEMENT_SPENDING.PARTY_ID, command.party())
                .set(AGREEMENT_SPENDING.SPENT_ON, command.date())
                .set(AGREEMENT_SPENDING.AMOUNT, amount)
                .set(AGREEMENT_SPENDING.CURRENCY, currency)
                .set(AGREEMENT_SPENDING.PURPOSE, command.purpose().strip())
                .set(AGREEMENT_SPENDING.RECORDED_BY, recordedBy)
                .returning().fetchSingle(row -> new SpendingResponse(row.getId(), row.getPartyId(), row.getSpentOn(),
                        row.getAmount(), row.getCurrency(), row.getPurpose()));
    }

    /**
     * Committed and spent amounts per party, year and currency, with totals per year and currency and per currency,
     * in one statement: the sums of commitments and of spending are joined in full (a year may have spending without
     * a commitment, or the reverse), then grouped by grouping sets.
     *
     * @return rows of (party or null, year or null, currency, committed, spent, remaining, percent); party-level
     *         rows first, ordered by party, year and currency
     */
    List<FulfilmentRow> fulfilment(UUID agreementId) {
        Field<UUID> cParty = AGREEMENT_COMMITMENT.PARTY_ID.as("party_id");
        Field<Integer> cYear = AGREEMENT_COMMITMENT.YEAR.cast(SQLDataType.INTEGER).as("year");
        Field<String> cCurrency = AGREEMENT_COMMITMENT.CURRENCY.as("currency");
        Table<Record4<UUID, Integer, String, BigDecimal>> committed = DSL.select(cParty, cYear, cCurrency,
                        DSL.sum(AGREEMENT_COMMITMENT.AMOUNT).as("amount"))
                .from(AGREEMENT_COMMITMENT).where(AGREEMENT_COMMITMENT.AGREEMENT_ID.eq(agreementId))
                .groupBy(AGREEMENT_COMMITMENT.PARTY_ID, AGREEMENT_COMMITMENT.YEAR, AGREEMENT_COMMITMENT.CURRENCY)
                .asTable("c");
        Field<Integer> spentYear = DSL.extract(AGREEMENT_SPENDING.SPENT_ON, DatePart.YEAR);
        Table<Record4<UUID, Integer, String, BigDecimal>> spent = DSL.select(
                        AGREEMENT_SPENDING.PARTY_ID.as("party_id"), spentYear.as("year"),
                        AGREEMENT_SPENDING.CURRENCY.as("currency"), DSL.sum(AGREEMENT_SPENDING.AMOUNT).as("amount"))
                .from(AGREEMENT_SPENDING).where(AGREEMENT_SPENDING.AGREEMENT_ID.eq(agreementId))
                .groupBy(AGREEMENT_SPENDING.PARTY_ID, spentYear, AGREEMENT_SPENDING.CURRENCY)
                .asTable("s");
        Field<UUID> party = DSL.coalesce(committed.field("party_id", UUID.class), spent.field("party_id", UUID.class))
                .as("party");
        Field<Integer> year = DSL.coalesce(committed.field("year", Integer.class), spent.field("year", Integer.class))
                .as("year");
        Field<String> currency = DSL.coalesce(committed.field("currency", String.class),
                spent.field("currency", String.class)).as("currency");
        Field<BigDecimal> committedAmount = DSL.coalesce(committed.field("amount", BigDecimal.class), BigDecimal.ZERO)
                .as("committed");
        Field<BigDecimal> spentAmount = DSL.coalesce(spent.field("amount", BigDecimal.class), BigDecimal.ZERO)
                .as("spent");
        Table<?> joined = DSL.select(party, year, currency, committedAmount, spentAmount)
                .from(committed).fullOuterJoin(spent)
                .on(committed.field("party_id", UUID.class).eq(spent.field("party_id", UUID.class)),
                        committed.field("year", Integer.class).eq(spent.field("year", Integer.class)),
                        committed.field("currency", String.class).eq(spent.field("currency", String.class)))
                .asTable("j");
        Field<UUID> jParty = joined.field("party", UUID.class);
        Field<Integer> jYear = joined.field("year", Integer.class);
        Field<String> jCurrency = joined.field("currency", String.class);
        Field<BigDecimal> sumCommitted = DSL.sum(joined.field("committed", BigDecimal.class));
        Field<BigDecimal> sumSpent = DSL.sum(joined.field("spent", BigDecimal.class));
        Field<BigDecimal> percent = DSL.when(sumCommitted.gt(BigDecimal.ZERO),
                DSL.round(sumSpent.mul(100).div(sumCommitted), 2));
        Field<Integer> level = DSL.grouping(jParty).plus(DSL.grouping(jYear));
        return sql.select(jParty, jYear, jCurrency, sumCommitted, sumSpent, sumCommitted.minus(sumSpent), percent,
                        level)
                .from(joined)
                .groupBy(DSL.groupingSets(List.of(jParty, jYear, jCurrency), List.of(jYear, jCurrency),
                        List.of(jCurrency)))
                .orderBy(level, jParty, jYear, jCurrency)
                .fetch(row -> new FulfilmentRow(row.value8() == 0 ? row.value1() : null,
                        row.value8() <= 1 ? row.value2() : null, row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7()));
    }

    /** One row of the fulfilment report; {@code party} null on totals, {@code year} null on grand totals. */
    record FulfilmentRow(@Nullable UUID party, @Nullable Integer year, String currency, BigDecimal committed,
                         BigDecimal spent, BigDecimal remaining, @Nullable BigDecimal percent) {
    }
}
