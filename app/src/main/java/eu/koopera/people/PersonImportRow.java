package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One valid row of an import file; fields of columns the file lacks are null and left unchanged on update.
 *
 * @param id the person the row updates (matched by email), or null for a new person
 */
record PersonImportRow(int row, @Nullable Long id, long memberId, String firstName, String lastName,
                       @Nullable String position, @Nullable String email, @Nullable String phone,
                       @Nullable List<String> languages) {

    PersonImportRow updating(Long existingId) {
        return new PersonImportRow(row, existingId, memberId, firstName, lastName, position, email, phone, languages);
    }
}
