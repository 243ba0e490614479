package eu.koopera.events;

import eu.koopera.jooq.shared.tables.records.EventRecord;
import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.EVENT;
import static eu.koopera.jooq.shared.Tables.EVENT_ORGANISER;
import static eu.koopera.jooq.shared.Tables.EVENT_REGISTRATION;

/**
 * Events and their organisers in the shared schema. Row-level security already hides the events the current
 * association does not organise; these queries say so once more, so that a mistake in a policy is not the only
 * guard.
 */
@Singleton
class EventQueries {

    private final DSLContext sql;
    private final EventJson json;

    EventQueries(DSLContext sql, EventJson json) {
        this.sql = sql;
        this.json = json;
    }

    /** Creates an event owned by {@code owner}, with the owner's organiser row; returns its id. */
    UUID insert(String owner, String createdBy, Event event) {
        Map<Field<?>, Object> values = values(event);
        values.put(EVENT.OWNER_TENANT, owner);
        values.put(EVENT.ORGANISERS, new String[]{owner});
        values.put(EVENT.CREATED_BY, createdBy);
        UUID id = sql.insertInto(EVENT).set(values).returning(EVENT.ID).fetchSingle(EVENT.ID);
        sql.insertInto(EVENT_ORGANISER).set(EVENT_ORGANISER.EVENT_ID, id).set(EVENT_ORGANISER.OWNER_TENANT, owner)
                .set(EVENT_ORGANISER.TENANT_CODE, owner).set(EVENT_ORGANISER.ROLE, "OWNER")
                .set(EVENT_ORGANISER.ADDED_BY, createdBy).execute();
        return id;
    }

    /** Replaces the description if {@code version} is current; false when it is not. */
    boolean update(UUID id, long version, Event event) {
        Map<Field<?>, Object> values = values(event);
        values.put(EVENT.VERSION, EVENT.VERSION.plus(1));
        values.put(EVENT.UPDATED_AT, OffsetDateTime.now());
        return sql.update(EVENT).set(values).where(EVENT.ID.eq(id), EVENT.VERSION.eq(version)).execute() == 1;
    }

    private Map<Field<?>, Object> values(Event event) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(EVENT.KIND, event.kind().name());
        values.put(EVENT.TITLE_I18N, json.text(event.title()));
        values.put(EVENT.DESCRIPTION_I18N, json.text(event.description()));
        values.put(EVENT.NETWORK_ID, event.networkId());
        values.put(EVENT.COUNTRY, event.country());
        values.put(EVENT.CITY, event.city());
        values.put(EVENT.VENUE, event.venue());
        values.put(EVENT.HOST_ORGANISATIONS, event.hostOrganisations().toArray(String[]::new));
        values.put(EVENT.STARTS_AT, event.startsAt());
        values.put(EVENT.ENDS_AT, event.endsAt());
        values.put(EVENT.TIME_ZONE, event.timeZone());
        values.put(EVENT.STARTS_INSTANT, event.startsInstant().atOffset(ZoneOffset.UTC));
        values.put(EVENT.ENDS_INSTANT, event.endsInstant().atOffset(ZoneOffset.UTC));
        values.put(EVENT.PROGRAMME, json.programme(event.programme()));
        values.put(EVENT.CAPACITY, event.capacity());
        values.put(EVENT.MEMBER_QUOTA, event.memberQuota());
        values.put(EVENT.SEAT_POOL, event.seatPool().name());
        values.put(EVENT.REGISTRATION_OPENS_AT, event.registrationOpensAt());
        values.put(EVENT.REGISTRATION_CLOSES_AT, event.registrationClosesAt());
        values.put(EVENT.CANCELLATION_CLOSES_AT, event.cancellationClosesAt());
        values.put(EVENT.REQUIRES_APPROVAL, event.requiresApproval());
        values.put(EVENT.COST_PER_PARTICIPANT, event.costPerParticipant());
        values.put(EVENT.CURRENCY, event.currency());
        values.put(EVENT.FUNDING_PROJECT_CODE, event.fundingProjectCode());
        values.put(EVENT.FUNDING_PROJECT_NAME, event.fundingProjectName());
        values.put(EVENT.STATUS, event.status().name());
        values.put(EVENT.OFFER_HOURS, event.offerHours());
        values.put(EVENT.RETENTION_DAYS, event.retentionDays());
        values.put(EVENT.REMINDER_DAYS, event.reminderDays());
        return values;
    }

    /** Locks the event until the transaction ends, if the current association organises it; false otherwise. */
    boolean lock(UUID id, String tenant) {
        return sql.select(EVENT.ID).from(EVENT).where(EVENT.ID.eq(id), organisedBy(tenant)).forUpdate()
                .fetchOptional().isPresent();
    }

    /** The event, if the current association organises it. */
    Optional<EventResponse> find(UUID id, String tenant) {
        return sql.selectFrom(EVENT).where(EVENT.ID.eq(id), organisedBy(tenant)).fetchOptional()
                .map(row -> responses(List.of(row)).getFirst());
    }

    /**
     * Events the current association organises, by start; drafts only when {@code withDrafts}.
     *
     * @param from only events ending at or after this moment, when given
     */
    EventPage search(String tenant, boolean withDrafts, @Nullable EventStatus status, @Nullable EventKind kind,
                     @Nullable Instant from, int page, int size) {
        List<Condition> conditions = new ArrayList<>(List.of(organisedBy(tenant)));
        if (!withDrafts) {
            conditions.add(EVENT.STATUS.ne(EventStatus.DRAFT.name()));
        }
        if (status != null) {
            conditions.add(EVENT.STATUS.eq(status.name()));
        }
        if (kind != null) {
            conditions.add(EVENT.KIND.eq(kind.name()));
        }
        if (from != null) {
            conditions.add(EVENT.ENDS_INSTANT.ge(from.atOffset(ZoneOffset.UTC)));
        }
        Condition where = DSL.and(conditions);
        int total = sql.fetchCount(EVENT, where);
        List<EventRecord> rows = sql.selectFrom(EVENT).where(where).orderBy(EVENT.STARTS_INSTANT, EVENT.ID)
                .limit(size).offset((long) page * size).fetch();
        return new EventPage(responses(rows), page, size, total);
    }

    /** Adds a co-organiser to the event and its organisers; false when it organises the event already. */
    boolean addOrganiser(UUID id, String owner, String tenant, @Nullable Integer seatQuota, String addedBy) {
        int added = sql.insertInto(EVENT_ORGANISER).set(EVENT_ORGANISER.EVENT_ID, id)
                .set(EVENT_ORGANISER.OWNER_TENANT, owner).set(EVENT_ORGANISER.TENANT_CODE, tenant)
                .set(EVENT_ORGANISER.ROLE, "CO_ORGANISER").set(EVENT_ORGANISER.SEAT_QUOTA, seatQuota)
                .set(EVENT_ORGANISER.ADDED_BY, addedBy).onConflictDoNothing().execute();
        if (added == 1) {
            sql.update(EVENT).set(EVENT.ORGANISERS, DSL.field("array_append({0}, {1})", String[].class,
                            EVENT.ORGANISERS, DSL.val(tenant)))
                    .set(EVENT.VERSION, EVENT.VERSION.plus(1)).set(EVENT.UPDATED_AT, OffsetDateTime.now())
                    .where(EVENT.ID.eq(id)).execute();
        }
        return added == 1;
    }

    /** Changes an organiser's seat quota. */
    void setSeatQuota(UUID id, String tenant, @Nullable Integer seatQuota) {
        sql.update(EVENT_ORGANISER).set(EVENT_ORGANISER.SEAT_QUOTA, seatQuota)
                .where(EVENT_ORGANISER.EVENT_ID.eq(id), EVENT_ORGANISER.TENANT_CODE.eq(tenant)).execute();
    }

    private static Condition organisedBy(String tenant) {
        return DSL.val(tenant).eq(DSL.any(EVENT.ORGANISERS));
    }

    /** The responses of {@code rows}, with their organisers and counts read in one query each. */
    private List<EventResponse> responses(List<EventRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(EventRecord::getId).toList();
        Map<UUID, List<Record>> organisers = new HashMap<>();
        for (Record organiser : sql.select(EVENT_ORGANISER.EVENT_ID, EVENT_ORGANISER.TENANT_CODE,
                        EVENT_ORGANISER.ROLE, EVENT_ORGANISER.SEAT_QUOTA).from(EVENT_ORGANISER)
                .where(EVENT_ORGANISER.EVENT_ID.in(ids))
                .orderBy(EVENT_ORGANISER.ROLE.desc(), EVENT_ORGANISER.ADDED_AT, EVENT_ORGANISER.TENANT_CODE).fetch()) {
            organisers.computeIfAbsent(organiser.get(EVENT_ORGANISER.EVENT_ID), key -> new ArrayList<>())
                    .add(organiser);
        }
        Map<UUID, Map<String, Map<RegistrationStatus, Integer>>> counts = counts(ids);
        return rows.stream().map(row -> toResponse(row, organisers.getOrDefault(row.getId(), List.of()),
                counts.getOrDefault(row.getId(), Map.of()))).toList();
    }

    /** Registrations by event, association and status, for {@code ids}. */
    private Map<UUID, Map<String, Map<RegistrationStatus, Integer>>> counts(Collection<UUID> ids) {
        Map<UUID, Map<String, Map<RegistrationStatus, Integer>>> counts = new HashMap<>();
        sql.select(EVENT_REGISTRATION.EVENT_ID, EVENT_REGISTRATION.TENANT_CODE, EVENT_REGISTRATION.STATUS,
                        DSL.count())
                .from(EVENT_REGISTRATION).where(EVENT_REGISTRATION.EVENT_ID.in(ids))
                .groupBy(EVENT_REGISTRATION.EVENT_ID, EVENT_REGISTRATION.TENANT_CODE, EVENT_REGISTRATION.STATUS)
                .forEach(row -> counts.computeIfAbsent(row.value1(), key -> new HashMap<>())
                        .computeIfAbsent(row.value2(), key -> new HashMap<>())
                        .put(RegistrationStatus.valueOf(row.value3()), row.value4()));
        return counts;
    }

    private EventResponse toResponse(EventRecord row, List<Record> organiserRows,
                                     Map<String, Map<RegistrationStatus, Integer>> byTenant) {
        Map<RegistrationStatus, Integer> all = new HashMap<>();
        byTenant.values().forEach(statuses -> statuses.forEach((status, count) -> all.merge(status, count,
                Integer::sum)));
        SeatCounts total = seatCounts(all, row.getCapacity());
        List<OrganiserResponse> organisers = organiserRows.stream().map(organiser -> {
            String tenant = organiser.get(EVENT_ORGANISER.TENANT_CODE);
            Integer quota = organiser.get(EVENT_ORGANISER.SEAT_QUOTA);
            Map<RegistrationStatus, Integer> own = byTenant.getOrDefault(tenant, Map.of());
            int left = SeatPool.SPLIT.name().equals(row.getSeatPool()) && quota != null
                    ? Math.min(total.placesLeft(), Math.max(0, quota - taken(own))) : total.placesLeft();
            SeatCounts counts = seatCounts(own, Integer.MAX_VALUE);
            return new OrganiserResponse(tenant, "OWNER".equals(organiser.get(EVENT_ORGANISER.ROLE)), quota,
                    new SeatCounts(counts.confirmed(), counts.offered(), counts.waitlisted(), counts.pending(), left));
        }).toList();
        return new EventResponse(row.getId(), row.getOwnerTenant(), organisers, EventKind.valueOf(row.getKind()),
                json.text(row.getTitleI18n()), json.text(row.getDescriptionI18n()), row.getNetworkId(),
                row.getCountry(), row.getCity(), row.getVenue(), Arrays.asList(row.getHostOrganisations()),
                row.getStartsAt(), row.getEndsAt(), row.getTimeZone(), json.programme(row.getProgramme()),
                row.getCapacity(), row.getMemberQuota(), SeatPool.valueOf(row.getSeatPool()),
                row.getRegistrationOpensAt(), row.getRegistrationClosesAt(), row.getCancellationClosesAt(),
                row.getRequiresApproval(), row.getCostPerParticipant(), row.getCurrency(),
                row.getFundingProjectCode(), row.getFundingProjectName(), EventStatus.valueOf(row.getStatus()),
                row.getOfferHours(), row.getRetentionDays(), row.getReminderDays(), total,
                row.getPersonalDataErasedAt() == null ? null : row.getPersonalDataErasedAt().toInstant(),
                row.getVersion(), row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
    }

    private static int taken(Map<RegistrationStatus, Integer> counts) {
        return counts.getOrDefault(RegistrationStatus.CONFIRMED, 0) + counts.getOrDefault(RegistrationStatus.OFFERED, 0);
    }

    private static SeatCounts seatCounts(Map<RegistrationStatus, Integer> counts, int capacity) {
        int confirmed = counts.getOrDefault(RegistrationStatus.CONFIRMED, 0);
        int offered = counts.getOrDefault(RegistrationStatus.OFFERED, 0);
        return new SeatCounts(confirmed, offered, counts.getOrDefault(RegistrationStatus.WAITLISTED, 0),
                counts.getOrDefault(RegistrationStatus.PENDING, 0),
                capacity == Integer.MAX_VALUE ? 0 : Math.max(0, capacity - confirmed - offered));
    }

    /** An event's checked and normalised fields, as written. */
    record Event(EventKind kind, LocalizedText title, LocalizedText description, @Nullable UUID networkId,
                 String country, String city, @Nullable String venue, List<String> hostOrganisations,
                 LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Instant startsInstant,
                 Instant endsInstant, List<ProgrammeItem> programme, int capacity, @Nullable Integer memberQuota,
                 SeatPool seatPool, @Nullable LocalDateTime registrationOpensAt,
                 @Nullable LocalDateTime registrationClosesAt, @Nullable LocalDateTime cancellationClosesAt,
                 boolean requiresApproval, @Nullable BigDecimal costPerParticipant, String currency,
                 @Nullable String fundingProjectCode, @Nullable String fundingProjectName, EventStatus status,
                 int offerHours, int retentionDays, @Nullable Integer reminderDays) {
    }
}
