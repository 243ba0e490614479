package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.time.LocalDate;

/** A member organisation of the current tenant, usually a municipality. */
@MappedEntity("member")
public record Member(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        @Nullable MemberKind kind,
        @Nullable String country,
        @Nullable String region,
        @Nullable Integer population,
        @Nullable Short populationYear,
        @Nullable String address,
        @Nullable String website,
        @Nullable String notes,
        MembershipStatus membershipStatus,
        @Nullable LocalDate membershipSince,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt) {

    /** This member with the profile fields of {@code command}; status, id and version stay. */
    Member withProfile(MemberCommand command, Instant now) {
        return new Member(id, command.code(), command.name().strip(), command.kind(), command.country(),
                blankToNull(command.region()), command.population(),
                command.populationYear() == null ? null : command.populationYear().shortValue(),
                blankToNull(command.address()), blankToNull(command.website()), blankToNull(command.notes()),
                membershipStatus, membershipSince, version, createdAt, now);
    }

    /** This member in a new membership status. */
    Member withStatus(MembershipStatus status, LocalDate since, Instant now) {
        return new Member(id, code, name, kind, country, region, population, populationYear, address, website, notes,
                status, since, version, createdAt, now);
    }

    static Member create(MemberCommand command, MembershipStatus status, LocalDate since, Instant now) {
        return new Member(null, command.code(), command.name(), null, null, null, null, null, null, null, null,
                status, since, null, now, now).withProfile(command, now);
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
