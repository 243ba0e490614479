package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A person as the API returns it; {@code version} must be sent back with changes.
 *
 * @param memberCode the code of the person's member organisation
 * @param memberName the name of the person's member organisation
 * @param notes      null for callers other than association administrators
 * @param userId     the linked user account, if any
 * @param username   that account's username
 * @param roles      that account's roles
 */
@Serdeable
public record PersonResponse(Long id, Long memberId, String memberCode, String memberName, String firstName,
                             String lastName, @Nullable String position, @Nullable String email,
                             @Nullable String phone, List<String> languages, @Nullable String notes,
                             @Nullable Long userId, @Nullable String username, List<String> roles, Long version,
                             Instant createdAt, Instant updatedAt) {

    PersonResponse withoutNotes() {
        return new PersonResponse(id, memberId, memberCode, memberName, firstName, lastName, position, email, phone,
                languages, null, userId, username, roles, version, createdAt, updatedAt);
    }

    String fullName() {
        return firstName + " " + lastName;
    }
}
