package eu.koopera.partnerships;

import eu.koopera.jooq.shared.tables.records.AgreementConfirmationRecord;
import eu.koopera.jooq.shared.tables.records.AgreementPartyRecord;
import eu.koopera.jooq.shared.tables.records.AgreementRecord;
import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static eu.koopera.jooq.shared.Tables.AGREEMENT;
import static eu.koopera.jooq.shared.Tables.AGREEMENT_CONFIRMATION;
import static eu.koopera.jooq.shared.Tables.AGREEMENT_PARTY;

/**
 * Agreements, their parties and the confirmations of other associations, in the shared schema. Row-level security
 * already hides agreements that neither belong to nor name the current association; these queries further keep
 * lists to agreements it owns or has confirmed.
 */
@Singleton
class AgreementQueries {

    private final DSLContext sql;
    private final PartnershipJson json;

    AgreementQueries(DSLContext sql, PartnershipJson json) {
        this.sql = sql;
        this.json = json;
    }

    UUID insert(String owner, Terms terms, String createdBy) {
        return sql.insertInto(AGREEMENT)
                .set(AGREEMENT.OWNER_TENANT, owner)
                .set(termsOf(terms))
                .set(AGREEMENT.CREATED_BY, createdBy)
                .returning(AGREEMENT.ID).fetchSingle(AGREEMENT.ID);
    }

    /** Replaces the terms if {@code version} is current; false when it is not. */
    boolean update(UUID id, long version, Terms terms) {
        return sql.update(AGREEMENT)
                .set(termsOf(terms))
                .set(AGREEMENT.VERSION, AGREEMENT.VERSION.plus(1))
                .set(AGREEMENT.UPDATED_AT, OffsetDateTime.now())
                .where(AGREEMENT.ID.eq(id), AGREEMENT.VERSION.eq(version)).execute() == 1;
    }

    /** The agreement, if the current association may read it (owns it or is named in it). */
    Optional<AgreementResponse> find(UUID id) {
        return sql.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(id)).fetchOptional()
                .map(row -> complete(List.of(row)).getFirst());
    }

    /** The agreement, locked until the transaction ends, if {@code tenant} owns it. */
    Optional<AgreementResponse> lockOwned(UUID id, String tenant) {
        return sql.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(id), AGREEMENT.OWNER_TENANT.eq(tenant)).forUpdate()
                .fetchOptional().map(row -> complete(List.of(row)).getFirst());
    }

    /** Agreements {@code tenant} owns or has confirmed, newest signature first. */
    AgreementPage search(String tenant, @Nullable AgreementType type, @Nullable AgreementStatus status,
                         @Nullable Long memberId, int page, int size) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(AGREEMENT.OWNER_TENANT.eq(tenant).or(DSL.exists(DSL.selectOne().from(AGREEMENT_CONFIRMATION)
                .where(AGREEMENT_CONFIRMATION.AGREEMENT_ID.eq(AGREEMENT.ID),
                        AGREEMENT_CONFIRMATION.TENANT_CODE.eq(tenant),
                        AGREEMENT_CONFIRMATION.STATUS.eq(ConfirmationStatus.CONFIRMED.name())))));
        if (type != null) {
            conditions.add(AGREEMENT.TYPE.eq(type.name()));
        }
        if (status != null) {
            conditions.add(AGREEMENT.STATUS.eq(status.name()));
        }
        if (memberId != null) {
            conditions.add(DSL.exists(DSL.selectOne().from(AGREEMENT_PARTY).where(
                    AGREEMENT_PARTY.AGREEMENT_ID.eq(AGREEMENT.ID), AGREEMENT_PARTY.KIND.eq(PartyKind.MEMBER.name()),
                    AGREEMENT_PARTY.TENANT_CODE.eq(tenant), AGREEMENT_PARTY.MEMBER_ID.eq(memberId))));
        }
        Condition where = DSL.and(conditions);
        int total = sql.fetchCount(AGREEMENT, where);
        List<AgreementRecord> rows = sql.selectFrom(AGREEMENT).where(where)
                .orderBy(AGREEMENT.SIGNED_ON.desc().nullsFirst(), AGREEMENT.CREATED_AT.desc(), AGREEMENT.ID)
                .limit(size).offset((long) page * size).fetch();
        return new AgreementPage(complete(rows), page, size, total);
    }

    /**
     * Makes the agreement's parties those given, in that order: a party already there (by
     * {@link NewParty#identity()}) keeps its row and id, the others are added, and those no longer named are removed.
     */
    void replaceParties(UUID agreementId, String owner, List<NewParty> parties) {
        Map<String, UUID> existing = new HashMap<>();
        sql.selectFrom(AGREEMENT_PARTY).where(AGREEMENT_PARTY.AGREEMENT_ID.eq(agreementId))
                .forEach(row -> existing.put(NewParty.identityOf(toParty(row, null)), row.getId()));
        Set<String> kept = parties.stream().map(NewParty::identity).collect(Collectors.toSet());
        List<UUID> removed = existing.entrySet().stream().filter(entry -> !kept.contains(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!removed.isEmpty()) {
            sql.deleteFrom(AGREEMENT_PARTY).where(AGREEMENT_PARTY.ID.in(removed)).execute();
        }
        for (int position = 0; position < parties.size(); position++) {
            NewParty party = parties.get(position);
            UUID id = existing.get(party.identity());
            if (id == null) {
                sql.insertInto(AGREEMENT_PARTY)
                        .set(AGREEMENT_PARTY.AGREEMENT_ID, agreementId)
                        .set(AGREEMENT_PARTY.OWNER_TENANT, owner)
                        .set(AGREEMENT_PARTY.POSITION, (short) position)
                        .set(AGREEMENT_PARTY.KIND, party.kind().name())
                        .set(AGREEMENT_PARTY.TENANT_CODE, party.tenant())
                        .set(AGREEMENT_PARTY.MEMBER_ID, party.memberId())
                        .set(AGREEMENT_PARTY.MEMBER_NAME, party.memberName())
                        .set(AGREEMENT_PARTY.NAME, party.name())
                        .set(AGREEMENT_PARTY.COUNTRY, party.country())
                        .set(AGREEMENT_PARTY.REGISTRATION_NO, party.registrationNo())
                        .set(AGREEMENT_PARTY.ORGANISATION_KIND, party.organisationKind())
                        .execute();
            } else {
                var update = sql.update(AGREEMENT_PARTY)
                        .set(AGREEMENT_PARTY.POSITION, (short) position)
                        .set(AGREEMENT_PARTY.NAME, party.name())
                        .set(AGREEMENT_PARTY.ORGANISATION_KIND, party.organisationKind());
                if (owner.equals(party.tenant())) {
                    update = update.set(AGREEMENT_PARTY.MEMBER_NAME, party.memberName());
                }
                update.where(AGREEMENT_PARTY.ID.eq(id)).execute();
            }
        }
    }

    /**
     * Asks each association in {@code tenants} to confirm, anew when its members among the parties changed, and
     * withdraws the requests of associations no longer named.
     *
     * @param changed the associations whose members among the parties changed; their confirmations start over
     */
    void requestConfirmations(UUID agreementId, String owner, Set<String> tenants, Set<String> changed,
                              String requestedBy) {
        sql.deleteFrom(AGREEMENT_CONFIRMATION).where(AGREEMENT_CONFIRMATION.AGREEMENT_ID.eq(agreementId),
                AGREEMENT_CONFIRMATION.TENANT_CODE.notIn(tenants).or(AGREEMENT_CONFIRMATION.TENANT_CODE.in(changed)))
                .execute();
        for (String tenant : tenants) {
            sql.insertInto(AGREEMENT_CONFIRMATION)
                    .set(AGREEMENT_CONFIRMATION.AGREEMENT_ID, agreementId)
                    .set(AGREEMENT_CONFIRMATION.OWNER_TENANT, owner)
                    .set(AGREEMENT_CONFIRMATION.TENANT_CODE, tenant)
                    .set(AGREEMENT_CONFIRMATION.REQUESTED_BY, requestedBy)
                    .onConflictDoNothing().execute();
        }
    }

    /** The confirmations asked of {@code tenant}, newest first. */
    List<ConfirmationResponse> confirmationsOf(String tenant, @Nullable ConfirmationStatus status) {
        Condition where = AGREEMENT_CONFIRMATION.TENANT_CODE.eq(tenant);
        if (status != null) {
            where = where.and(AGREEMENT_CONFIRMATION.STATUS.eq(status.name()));
        }
        List<AgreementConfirmationRecord> asked = sql.selectFrom(AGREEMENT_CONFIRMATION).where(where)
                .orderBy(AGREEMENT_CONFIRMATION.REQUESTED_AT.desc(), AGREEMENT_CONFIRMATION.AGREEMENT_ID).fetch();
        List<UUID> ids = asked.stream().map(AgreementConfirmationRecord::getAgreementId).toList();
        Map<UUID, AgreementResponse> agreements = complete(sql.selectFrom(AGREEMENT).where(AGREEMENT.ID.in(ids))
                .fetch()).stream().collect(Collectors.toMap(AgreementResponse::id, agreement -> agreement));
        List<ConfirmationResponse> result = new ArrayList<>();
        for (AgreementConfirmationRecord row : asked) {
            AgreementResponse agreement = agreements.get(row.getAgreementId());
            if (agreement == null) {
                continue;
            }
            result.add(new ConfirmationResponse(agreement.id(), agreement.owner(), agreement.type(),
                    agreement.title(), agreement.status(), ConfirmationStatus.valueOf(row.getStatus()),
                    agreement.parties().stream().filter(party -> tenant.equals(party.tenant())).toList(),
                    row.getRequestedAt().toInstant(),
                    row.getDecidedAt() == null ? null : row.getDecidedAt().toInstant()));
        }
        return result;
    }

    /** The status of the confirmation asked of {@code tenant}, locked until the transaction ends. */
    Optional<ConfirmationStatus> lockConfirmation(UUID agreementId, String tenant) {
        return sql.select(AGREEMENT_CONFIRMATION.STATUS).from(AGREEMENT_CONFIRMATION)
                .where(AGREEMENT_CONFIRMATION.AGREEMENT_ID.eq(agreementId),
                        AGREEMENT_CONFIRMATION.TENANT_CODE.eq(tenant))
                .forUpdate().fetchOptional(row -> ConfirmationStatus.valueOf(row.value1()));
    }

    void confirm(UUID agreementId, String tenant, String decidedBy) {
        sql.update(AGREEMENT_CONFIRMATION)
                .set(AGREEMENT_CONFIRMATION.STATUS, ConfirmationStatus.CONFIRMED.name())
                .set(AGREEMENT_CONFIRMATION.DECIDED_BY, decidedBy)
                .set(AGREEMENT_CONFIRMATION.DECIDED_AT, OffsetDateTime.now())
                .where(AGREEMENT_CONFIRMATION.AGREEMENT_ID.eq(agreementId),
                        AGREEMENT_CONFIRMATION.TENANT_CODE.eq(tenant)).execute();
    }

    /** Names a member of the current association among an agreement's parties, as its own register has it. */
    void nameMember(UUID partyId, String memberName) {
        sql.update(AGREEMENT_PARTY).set(AGREEMENT_PARTY.MEMBER_NAME, memberName)
                .where(AGREEMENT_PARTY.ID.eq(partyId)).execute();
    }

    /** The owner's agreements, not ended, whose period ends in [{@code from}, {@code to}], soonest first. */
    List<AgreementAttention.Due> ending(String owner, LocalDate from, LocalDate to, int limit) {
        return sql.selectFrom(AGREEMENT).where(AGREEMENT.OWNER_TENANT.eq(owner),
                        AGREEMENT.STATUS.ne(AgreementStatus.ENDED.name()), AGREEMENT.ENDS_ON.between(from, to))
                .orderBy(AGREEMENT.ENDS_ON, AGREEMENT.ID).limit(limit)
                .fetch(row -> new AgreementAttention.Due(row.getId(), AgreementType.valueOf(row.getType()),
                        json.text(row.getTitleI18n()), row.getEndsOn()));
    }

    /** The owner's agreements, not ended, whose next review is on or before {@code to}, soonest first. */
    List<AgreementAttention.Due> reviewsBy(String owner, LocalDate to, int limit) {
        return sql.selectFrom(AGREEMENT).where(AGREEMENT.OWNER_TENANT.eq(owner),
                        AGREEMENT.STATUS.ne(AgreementStatus.ENDED.name()), AGREEMENT.NEXT_REVIEW_ON.le(to))
                .orderBy(AGREEMENT.NEXT_REVIEW_ON, AGREEMENT.ID).limit(limit)
                .fetch(row -> new AgreementAttention.Due(row.getId(), AgreementType.valueOf(row.getType()),
                        json.text(row.getTitleI18n()), row.getNextReviewOn()));
    }

    /** Adds parties, in their order, and the associations' decisions to the agreements' rows. */
    private List<AgreementResponse> complete(List<AgreementRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Collection<UUID> ids = rows.stream().map(AgreementRecord::getId).toList();
        Map<UUID, List<ConfirmationResponse.Decision>> decisions = new HashMap<>();
        Map<UUID, Map<String, ConfirmationStatus>> statuses = new HashMap<>();
        for (AgreementConfirmationRecord row : sql.selectFrom(AGREEMENT_CONFIRMATION)
                .where(AGREEMENT_CONFIRMATION.AGREEMENT_ID.in(ids))
                .orderBy(AGREEMENT_CONFIRMATION.TENANT_CODE).fetch()) {
            ConfirmationStatus status = ConfirmationStatus.valueOf(row.getStatus());
            decisions.computeIfAbsent(row.getAgreementId(), id -> new ArrayList<>()).add(
                    new ConfirmationResponse.Decision(row.getTenantCode(), status, row.getDecidedBy(),
                            row.getDecidedAt() == null ? null : row.getDecidedAt().toInstant()));
            statuses.computeIfAbsent(row.getAgreementId(), id -> new HashMap<>()).put(row.getTenantCode(), status);
        }
        Map<UUID, List<PartyResponse>> parties = new LinkedHashMap<>();
        for (AgreementPartyRecord row : sql.selectFrom(AGREEMENT_PARTY).where(AGREEMENT_PARTY.AGREEMENT_ID.in(ids))
                .orderBy(AGREEMENT_PARTY.AGREEMENT_ID, AGREEMENT_PARTY.POSITION).fetch()) {
            Map<String, ConfirmationStatus> confirmed = statuses.getOrDefault(row.getAgreementId(), Map.of());
            parties.computeIfAbsent(row.getAgreementId(), id -> new ArrayList<>()).add(toParty(row,
                    row.getTenantCode() == null ? null : row.getTenantCode().equals(row.getOwnerTenant())
                            || confirmed.get(row.getTenantCode()) == ConfirmationStatus.CONFIRMED));
        }
        return rows.stream().map(row -> toResponse(row, parties.getOrDefault(row.getId(), List.of()),
                decisions.getOrDefault(row.getId(), List.of()))).toList();
    }

    private Map<Field<?>, Object> termsOf(Terms terms) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(AGREEMENT.TYPE, terms.type().name());
        values.put(AGREEMENT.TITLE_I18N, json.text(terms.title()));
        values.put(AGREEMENT.LEGAL_FORM, terms.legalForm() == null ? null : terms.legalForm().name());
        values.put(AGREEMENT.FORMS_OF_COOPERATION, json.texts(terms.formsOfCooperation()));
        values.put(AGREEMENT.PURPOSE, terms.purpose());
        values.put(AGREEMENT.SIGNED_ON, terms.signedOn());
        values.put(AGREEMENT.SIGNED_PLACE, terms.signedPlace());
        values.put(AGREEMENT.STARTS_ON, terms.startsOn());
        values.put(AGREEMENT.ENDS_ON, terms.endsOn());
        values.put(AGREEMENT.NEXT_REVIEW_ON, terms.nextReviewOn());
        values.put(AGREEMENT.STATUS, terms.status().name());
        values.put(AGREEMENT.NETWORK_IDS, terms.networkIds().toArray(UUID[]::new));
        values.put(AGREEMENT.EVENT_IDS, terms.eventIds().toArray(UUID[]::new));
        return values;
    }

    private static PartyResponse toParty(AgreementPartyRecord row, @Nullable Boolean confirmed) {
        PartyKind kind = PartyKind.valueOf(row.getKind());
        return new PartyResponse(row.getId(), kind, row.getTenantCode(), row.getMemberId(), row.getMemberName(),
                confirmed,
                kind == PartyKind.FOREIGN ? new ForeignMunicipality(row.getName(), row.getCountry()) : null,
                kind == PartyKind.ORGANISATION ? new Organisation(row.getName(), row.getRegistrationNo(),
                        row.getOrganisationKind()) : null);
    }

    private AgreementResponse toResponse(AgreementRecord agreement, List<PartyResponse> parties,
                                         List<ConfirmationResponse.Decision> decisions) {
        return new AgreementResponse(agreement.getId(), agreement.getOwnerTenant(),
                AgreementType.valueOf(agreement.getType()), json.text(agreement.getTitleI18n()), parties,
                agreement.getLegalForm() == null ? null : LegalForm.valueOf(agreement.getLegalForm()),
                json.texts(agreement.getFormsOfCooperation()), agreement.getPurpose(), agreement.getSignedOn(),
                agreement.getSignedPlace(), agreement.getStartsOn(), agreement.getEndsOn(),
                AgreementStatus.valueOf(agreement.getStatus()), agreement.getNextReviewOn(), decisions,
                List.of(agreement.getNetworkIds()), List.of(agreement.getEventIds()), agreement.getVersion(), agreement.getCreatedAt().toInstant(), agreement.getUpdatedAt().toInstant());
    }

    /** An agreement's terms, checked and normalised by the service. */
    record Terms(AgreementType type, LocalizedText title, @Nullable LegalForm legalForm,
                 List<LocalizedText> formsOfCooperation, @Nullable String purpose,
                 @Nullable LocalDate signedOn, @Nullable String signedPlace,
                 @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
                 @Nullable LocalDate nextReviewOn, AgreementStatus status, List<UUID> networkIds,
                 List<UUID> eventIds) {
    }
}
