package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One stored value: indicator × municipality × year × gender (T = total). */
@Serdeable
public record IndicatorValue(String indicator, long memberId, String member, String memberName, int year,
                             String gender, BigDecimal value, ValueStatus status, @Nullable String source) {
}
