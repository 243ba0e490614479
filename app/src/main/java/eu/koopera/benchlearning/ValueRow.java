package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** One value of an import, validated and resolved to the member's id. */
record ValueRow(String indicator, long memberId, int year, String gender, BigDecimal value, ValueStatus status,
                @Nullable String source) {
}
