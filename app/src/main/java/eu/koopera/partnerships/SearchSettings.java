package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * Whether the association shares its members in the partner directory that other associations search.
 *
 * @param shareMembers whether it opts in
 * @param publishedAt  when its members were last copied into the directory; absent while it does not share
 * @param published    how many members the directory holds for it
 */
@Serdeable
public record SearchSettings(boolean shareMembers, @Nullable OffsetDateTime publishedAt, int published) {
}
