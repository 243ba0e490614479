package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A foreign municipality from the association's imported list.
 *
 * @param id         its id in the list
 * @param name       its name
 * @param country    ISO 3166-1 alpha-2
 * @param population its population, when known
 * @param themes     its themes of interest
 */
@Serdeable
public record ImportedMunicipality(long id, String name, String country, @Nullable Integer population,
                                   List<String> themes) {
}
