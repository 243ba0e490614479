package eu.koopera.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How schemas are migrated at start.
 *
 * @param mode        {@code RUN} migrates at start; {@code CHECK} only verifies, for deployments where a separate
 *                    job migrates before the application starts
 * @param concurrency how many tenant schemas are migrated at once
 */
@ConfigurationProperties("koopera.migrations")
public record MigrationSettings(@Bindable(defaultValue = "RUN") Mode mode,
                                @Bindable(defaultValue = "2") @Min(1) @Max(16) int concurrency) {

    /** Whether the application migrates schemas itself. */
    public enum Mode {
        RUN,
        CHECK
    }
}
