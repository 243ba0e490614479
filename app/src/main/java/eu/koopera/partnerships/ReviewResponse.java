package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** A review as stored. */
@Serdeable
public record ReviewResponse(UUID id, LocalDate reviewedOn, @Nullable String notes, @Nullable LocalDate nextReviewOn,
                             String recordedBy) {
}
