package eu.koopera.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code helm lint --strict} passes for the chart's defaults and for each value set. */
class ChartLintTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void strictLintPasses(ValueSet values) {
        LintResult result = Chart.lint(values, Map.of());

        assertThat(result.isFailed()).as("lint of %s: %s", values, result.getMessages()).isFalse();
    }
}
