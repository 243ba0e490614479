package eu.koopera.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Which audit entries to show; every criterion is optional.
 *
 * @param entityType such as {@code member} or {@code person}
 * @param entityId   one entity
 * @param actor      who acted
 * @param action     what they did
 * @param from       at or after
 * @param to         before
 */
public record AuditFilter(@Nullable String entityType, @Nullable String entityId, @Nullable String actor,
                          @Nullable AuditAction action, @Nullable Instant from, @Nullable Instant to) {
}
