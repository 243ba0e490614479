package eu.koopera.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One field of an audited entity that an entry changed, with its values as text: lists joined with commas,
 * nested documents as JSON, null for no value.
 *
 * @param field  the field's name in the entity's JSON, such as {@code membershipStatus}
 * @param before its value before (null on creation or when it had none)
 * @param after  its value after (null on deletion or when it has none)
 */
@Serdeable
public record FieldChange(String field, @Nullable String before, @Nullable String after) {
}
