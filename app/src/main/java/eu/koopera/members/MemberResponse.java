package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member organisation as the API returns it; {@code version} must be sent back with changes.
 *
 * @param notes the administrators' notes; null for everyone else
 */
@Serdeable
public record MemberResponse(Long id, String code, String name, @Nullable MemberKind kind, @Nullable String country,
                             @Nullable String region, @Nullable Integer population, @Nullable Integer populationYear,
                             @Nullable String address, @Nullable String website, @Nullable String notes,
                             MembershipStatus membershipStatus, @Nullable LocalDate membershipSince, Long version,
                             Instant createdAt, Instant updatedAt) {

    /** The same member without the administrators' notes. */
    MemberResponse withoutNotes() {
        return new MemberResponse(id, code, name, kind, country, region, population, populationYear, address, website,
                null, membershipStatus, membershipSince, version, createdAt, updatedAt);
    }

    static MemberResponse of(Member member) {
        return new MemberResponse(member.id(), member.code(), member.name(), member.kind(), member.country(),
                member.region(), member.population(),
                member.populationYear() == null ? null : member.populationYear().intValue(), member.address(),
                member.website(), member.notes(), member.membershipStatus(), member.membershipSince(),
                member.version(), member.createdAt(), member.updatedAt());
    }
}
