package eu.koopera.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One audit log entry; before and after are the JSON documents as recorded. */
@Serdeable
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String entityType,
                         String entityId, @Nullable String summary, @Nullable String before, @Nullable String after) {
}
