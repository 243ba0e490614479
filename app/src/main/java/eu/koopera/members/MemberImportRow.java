package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;

/** One valid row of an import file; fields of columns the file lacks are null and left unchanged. */
record MemberImportRow(int row, String code, String name, @Nullable MemberKind kind, @Nullable String region,
                       @Nullable Integer population, @Nullable String website) {
}
