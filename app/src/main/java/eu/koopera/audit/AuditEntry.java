package eu.koopera.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One audit log entry; before and after are the JSON documents as recorded.
 *
 * @param summary       plain text, as older entries have only this
 * @param event         the structured message's code, such as {@code person.invited}; null for older entries
 * @param params        its parameters, such as the entity's {@code name}; empty for older entries
 * @param clientAddress where the request came from, when one was served
 * @param changes       the fields that differ between before and after, with their values as text
 */
@Serdeable
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String entityType,
                         String entityId, @Nullable String summary, @Nullable String before, @Nullable String after,
                         @Nullable String event, Map<String, String> params, @Nullable String clientAddress,
                         List<FieldChange> changes) {

    /** The name of the entity as it was written, else the stored summary. */
    public @Nullable String entityName() {
        String name = params.get(AuditMessage.NAME);
        return name != null ? name : summary;
    }
}
