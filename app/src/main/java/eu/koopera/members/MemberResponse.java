package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A member organisation as the API returns it; {@code version} must be sent back with changes. */
@Serdeable
public record MemberResponse(Long id, String code, String name, @Nullable MemberKind kind, @Nullable String region,
                             @Nullable Integer population, Long version, Instant createdAt, Instant updatedAt) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.id(), member.code(), member.name(), member.kind(), member.region(),
                member.population(), member.version(), member.createdAt(), member.updatedAt());
    }
}
