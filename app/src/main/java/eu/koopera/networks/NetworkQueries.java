package eu.koopera.networks;

import eu.koopera.jooq.shared.tables.records.NetworkRecord;
import eu.koopera.platform.collation.NameOrder;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.NETWORK;
import static eu.koopera.jooq.shared.Tables.NETWORK_COORDINATOR;
import static eu.koopera.jooq.shared.Tables.NETWORK_PARTICIPANT;

/**
 * Networks and their coordinators in the shared schema. Row-level security already hides networks of other
 * associations; these queries further keep to networks the current association takes part in, since a pending
 * invitee sees the network's row too.
 */
@Singleton
class NetworkQueries {

    private final DSLContext sql;
    private final SharedJson json;
    private final NameOrder names;

    NetworkQueries(DSLContext sql, SharedJson json, NameOrder names) {
        this.sql = sql;
        this.json = json;
        this.names = names;
    }

    /** Creates a network owned by {@code owner}, with the owner's participation row. */
    NetworkResponse insert(String owner, NetworkCommand command, LocalizedText name, LocalizedText description) {
        NetworkRecord row = sql.insertInto(NETWORK)
                .set(NETWORK.OWNER_TENANT, owner)
                .set(NETWORK.TENANTS, new String[]{owner})
                .set(NETWORK.NAME, sortName(name))
                .set(NETWORK.NAME_I18N, json.text(name))
                .set(NETWORK.DESCRIPTION_I18N, json.text(description))
                .set(NETWORK.THEME, blankToNull(command.theme()))
                .set(NETWORK.STATUS, (command.status() == null ? NetworkStatus.PLANNED : command.status()).name())
                .set(NETWORK.STARTS_ON, command.startsOn())
                .set(NETWORK.ENDS_ON, command.endsOn())
                .set(NETWORK.MAX_PILOTS, command.maxPilots())
                .returning().fetchSingle();
        sql.insertInto(NETWORK_PARTICIPANT).set(NETWORK_PARTICIPANT.NETWORK_ID, row.getId())
                .set(NETWORK_PARTICIPANT.TENANT_CODE, owner).set(NETWORK_PARTICIPANT.ROLE, "OWNER").execute();
        return toResponse(row);
    }

    /** The network, if the current association takes part in it. */
    Optional<NetworkResponse> find(UUID id, String tenant) {
        return sql.selectFrom(NETWORK).where(NETWORK.ID.eq(id), takesPart(tenant)).fetchOptional(this::toResponse);
    }

    /** The network, locked until the transaction ends, if the current association owns it. */
    Optional<NetworkResponse> lockOwned(UUID id, String tenant) {
        return sql.selectFrom(NETWORK).where(NETWORK.ID.eq(id), NETWORK.OWNER_TENANT.eq(tenant)).forUpdate()
                .fetchOptional(this::toResponse);
    }

    /** Networks the current association owns or takes part in, by sort name. */
    NetworkPage search(String tenant, @Nullable String text, @Nullable NetworkStatus status, int page, int size) {
        List<Condition> conditions = new ArrayList<>(List.of(takesPart(tenant)));
        if (text != null && !text.isBlank()) {
            Field<String> searched = DSL.field("platform.search_text(concat_ws(' ', {0} ->> 'lv', {0} ->> 'lt', "
                    + "{0} ->> 'en', {1}))", String.class, NETWORK.NAME_I18N, NETWORK.THEME);
            Field<String> pattern = DSL.concat(DSL.inline("%"), DSL.field("platform.search_text({0})", String.class,
                    DSL.val(escapeLike(text.strip()))), DSL.inline("%"));
            conditions.add(searched.like(pattern, '\\'));
        }
        if (status != null) {
            conditions.add(NETWORK.STATUS.eq(status.name()));
        }
        Condition where = DSL.and(conditions);
        int total = sql.fetchCount(NETWORK, where);
        List<NetworkResponse> items = sql.selectFrom(NETWORK).where(where)
                .orderBy(names.collated(NETWORK.NAME), NETWORK.ID)
                .limit(size).offset((long) page * size)
                .fetch(this::toResponse);
        return new NetworkPage(items, page, size, total);
    }

    /** Replaces the description if {@code version} is current; empty when it is not. */
    Optional<NetworkResponse> update(UUID id, long version, NetworkCommand command, LocalizedText name,
                                     LocalizedText description) {
        return sql.update(NETWORK)
                .set(NETWORK.NAME, sortName(name))
                .set(NETWORK.NAME_I18N, json.text(name))
                .set(NETWORK.DESCRIPTION_I18N, json.text(description))
                .set(NETWORK.THEME, blankToNull(command.theme()))
                .set(NETWORK.STATUS, (command.status() == null ? NetworkStatus.PLANNED : command.status()).name())
                .set(NETWORK.STARTS_ON, command.startsOn())
                .set(NETWORK.ENDS_ON, command.endsOn())
                .set(NETWORK.MAX_PILOTS, command.maxPilots())
                .set(NETWORK.VERSION, NETWORK.VERSION.plus(1))
                .set(NETWORK.UPDATED_AT, OffsetDateTime.now())
                .where(NETWORK.ID.eq(id), NETWORK.VERSION.eq(version))
                .returning().fetchOptional(this::toResponse);
    }

    /** Adds the current association to the network's tenants, with its participation row. */
    boolean join(UUID id, String tenant) {
        int updated = sql.update(NETWORK).set(NETWORK.TENANTS, DSL.field("array_append({0}, {1})", String[].class,
                NETWORK.TENANTS, DSL.val(tenant))).where(NETWORK.ID.eq(id)).execute();
        if (updated == 1) {
            sql.insertInto(NETWORK_PARTICIPANT).set(NETWORK_PARTICIPANT.NETWORK_ID, id)
                    .set(NETWORK_PARTICIPANT.TENANT_CODE, tenant).set(NETWORK_PARTICIPANT.ROLE, "PARTICIPANT")
                    .onConflictDoNothing().execute();
        }
        return updated == 1;
    }

    /** Removes the current association from the network: its participation row, then its place in tenants. */
    void leave(UUID id, String tenant) {
        sql.deleteFrom(NETWORK_PARTICIPANT)
                .where(NETWORK_PARTICIPANT.NETWORK_ID.eq(id), NETWORK_PARTICIPANT.TENANT_CODE.eq(tenant)).execute();
        sql.update(NETWORK).set(NETWORK.TENANTS, DSL.field("array_remove({0}, {1})", String[].class,
                NETWORK.TENANTS, DSL.val(tenant))).where(NETWORK.ID.eq(id)).execute();
    }

    boolean isCoordinator(UUID id, String username) {
        return sql.fetchExists(NETWORK_COORDINATOR, NETWORK_COORDINATOR.NETWORK_ID.eq(id),
                NETWORK_COORDINATOR.USERNAME.eq(username));
    }

    /** Adds a coordinator; false when the user already is one. */
    boolean addCoordinator(UUID id, String tenant, long userId, String username, @Nullable String displayName) {
        return sql.insertInto(NETWORK_COORDINATOR)
                .set(NETWORK_COORDINATOR.NETWORK_ID, id)
                .set(NETWORK_COORDINATOR.TENANT_CODE, tenant)
                .set(NETWORK_COORDINATOR.USER_ID, userId)
                .set(NETWORK_COORDINATOR.USERNAME, username)
                .set(NETWORK_COORDINATOR.DISPLAY_NAME, displayName)
                .onConflictDoNothing().execute() == 1;
    }

    List<CoordinatorResponse> coordinators(UUID id) {
        return sql.selectFrom(NETWORK_COORDINATOR).where(NETWORK_COORDINATOR.NETWORK_ID.eq(id))
                .orderBy(NETWORK_COORDINATOR.ADDED_AT, NETWORK_COORDINATOR.USER_ID)
                .fetch(row -> new CoordinatorResponse(row.getTenantCode(), row.getUserId(), row.getUsername(),
                        row.getDisplayName()));
    }

    private static Condition takesPart(String tenant) {
        return DSL.val(tenant).eq(DSL.any(NETWORK.TENANTS));
    }

    private NetworkResponse toResponse(NetworkRecord row) {
        return new NetworkResponse(row.getId(), row.getOwnerTenant(), Arrays.asList(row.getTenants()),
                json.text(row.getNameI18n()), json.text(row.getDescriptionI18n()), row.getTheme(),
                NetworkStatus.valueOf(row.getStatus()), row.getStartsOn(), row.getEndsOn(), row.getMaxPilots(),
                row.getVersion(), row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
    }

    private static String sortName(LocalizedText name) {
        String first = name.first();
        return first.length() > 200 ? first.substring(0, 200) : first;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
