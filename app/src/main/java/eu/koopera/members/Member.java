package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A member organisation of the current tenant, usually a municipality. */
@MappedEntity("member")
public record Member(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        @Nullable MemberKind kind,
        @Nullable String region,
        @Nullable Integer population,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt) {
}
