package eu.koopera.networks;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.NETWORK_FEED;

/** The append-only feed of what happened in a network. */
@Singleton
class FeedQueries {

    private final DSLContext sql;
    private final SharedJson json;

    FeedQueries(DSLContext sql, SharedJson json) {
        this.sql = sql;
        this.json = json;
    }

    void append(UUID networkId, String tenant, String username, FeedKind kind, Map<String, ?> parameters) {
        sql.insertInto(NETWORK_FEED)
                .set(NETWORK_FEED.NETWORK_ID, networkId)
                .set(NETWORK_FEED.ACTOR_TENANT, tenant)
                .set(NETWORK_FEED.ACTOR_USERNAME, username)
                .set(NETWORK_FEED.KIND, kind.name())
                .set(NETWORK_FEED.PARAMETERS, json.parameters(parameters))
                .execute();
    }

    FeedPage page(UUID networkId, int page, int size) {
        int total = sql.fetchCount(NETWORK_FEED, NETWORK_FEED.NETWORK_ID.eq(networkId));
        List<FeedEntry> items = sql.selectFrom(NETWORK_FEED).where(NETWORK_FEED.NETWORK_ID.eq(networkId))
                .orderBy(NETWORK_FEED.OCCURRED_AT.desc(), NETWORK_FEED.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(row -> {
                    FeedKind kind = FeedKind.valueOf(row.getKind());
                    return new FeedEntry(row.getOccurredAt().toInstant(), row.getActorTenant(),
                            row.getActorUsername(), kind, kind.messageKey(), json.parameters(row.getParameters()));
                });
        return new FeedPage(items, page, size, total);
    }
}
