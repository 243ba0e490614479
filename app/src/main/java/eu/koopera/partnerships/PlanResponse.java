package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** A community partnership's plan: always the five steps in order, and the evaluation results. */
@Serdeable
public record PlanResponse(UUID agreementId, List<PlanCommand.Step> steps, @Nullable String evaluation) {
}
