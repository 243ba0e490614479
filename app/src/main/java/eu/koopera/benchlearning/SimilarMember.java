package eu.koopera.benchlearning;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A member like the one asked about: its distance over the standardised values of the chosen indicators, and how
 * far apart they are on each (in standard deviations), closest first — what made them similar.
 */
@Serdeable
public record SimilarMember(long id, String code, String name, double distance, List<Difference> differences) {

    @Serdeable
    public record Difference(String indicator, double standardDeviations) {
    }
}
