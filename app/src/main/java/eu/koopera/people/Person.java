package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** A contact person of one member organisation, possibly linked to a user account of the tenant. */
@MappedEntity("person")
record Person(
        @Id @GeneratedValue @Nullable Long id,
        Long memberId,
        String firstName,
        String lastName,
        @Nullable String position,
        @Nullable String email,
        @Nullable String phone,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> languages,
        @Nullable String notes,
        @Nullable Long userId,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt) {

    static Person create(PersonCommand command, List<String> languages, Instant now) {
        return new Person(null, command.memberId(), command.firstName().strip(), command.lastName().strip(),
                ContactRules.blankToNull(command.position()), ContactRules.blankToNull(command.email()),
                ContactRules.blankToNull(command.phone()), languages, ContactRules.blankToNull(command.notes()),
                null, null, now, now);
    }

    /** This person with every field of {@code command}; the account link, id and version stay. */
    Person withDetails(PersonCommand command, List<String> newLanguages, Instant now) {
        return new Person(id, command.memberId(), command.firstName().strip(), command.lastName().strip(),
                ContactRules.blankToNull(command.position()), ContactRules.blankToNull(command.email()),
                ContactRules.blankToNull(command.phone()), newLanguages, ContactRules.blankToNull(command.notes()),
                userId, version, createdAt, now);
    }

    /** This person with what its user may change about themselves. */
    Person withProfile(ProfileCommand command, List<String> newLanguages, Instant now) {
        return new Person(id, memberId, command.firstName().strip(), command.lastName().strip(),
                ContactRules.blankToNull(command.position()), email, ContactRules.blankToNull(command.phone()),
                newLanguages, notes, userId, version, createdAt, now);
    }

    Person withUser(Long newUserId, Instant now) {
        return new Person(id, memberId, firstName, lastName, position, email, phone, languages, notes, newUserId,
                version, createdAt, now);
    }

    String fullName() {
        return firstName + " " + lastName;
    }
}
