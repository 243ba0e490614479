package eu.koopera.partnerships;

import eu.koopera.members.MemberKind;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What partner search looks for; every criterion is optional and they all must hold. A municipality whose kind,
 * country or population is unknown does not match a criterion on it. {@code theme} and {@code text} match any part
 * of a theme or of the name, case ignored.
 *
 * @param country       ISO 3166-1 alpha-2
 * @param kind          a kind of local government
 * @param populationMin the smallest population, inclusive
 * @param populationMax the largest population, inclusive
 * @param theme         part of a theme of interest
 * @param text          part of the name
 */
public record PartnerSearchCriteria(@Nullable String country, @Nullable MemberKind kind,
                                    @Nullable Integer populationMin, @Nullable Integer populationMax,
                                    @Nullable String theme, @Nullable String text) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Nothing asked: every municipality. */
    public static PartnerSearchCriteria any() {
        return new PartnerSearchCriteria(null, null, null, null, null, null);
    }

    /**
     * The criteria of a request, checked.
     *
     * @throws ApiException.BadRequest for an unknown country or kind, a negative population or an empty range
     */
    public static PartnerSearchCriteria of(@Nullable String country, @Nullable String kind,
                                           @Nullable Integer populationMin, @Nullable Integer populationMax,
                                           @Nullable String theme, @Nullable String text) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String countryCode = blankToNull(country);
        if (countryCode != null) {
            countryCode = countryCode.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(countryCode)) {
                errors.add(Problem.FieldError.field("country", "search.country",
                        "must be an ISO 3166-1 alpha-2 country code"));
            }
        }
        MemberKind memberKind = null;
        if (blankToNull(kind) != null) {
            memberKind = MemberKind.parse(kind).orElse(null);
            if (memberKind == null) {
                errors.add(Problem.FieldError.field("kind", "search.kind", "is not a kind of local government"));
            }
        }
        if (populationMin != null && populationMin < 0) {
            errors.add(Problem.FieldError.field("populationMin", "search.population", "must not be negative"));
        }
        if (populationMax != null && populationMax < 0) {
            errors.add(Problem.FieldError.field("populationMax", "search.population", "must not be negative"));
        }
        if (populationMin != null && populationMax != null && populationMin > populationMax) {
            errors.add(Problem.FieldError.field("populationMax", "search.populationRange",
                    "must not be below populationMin", populationMin));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The search criteria are not valid.", errors).withCode("search.invalid");
        }
        return new PartnerSearchCriteria(countryCode, memberKind, populationMin, populationMax, blankToNull(theme),
                blankToNull(text));
    }

    /** Whether {@code candidate} meets every criterion. */
    boolean matches(PartnerCandidate candidate) {
        return (country == null || country.equals(candidate.country()))
                && (kind == null || kind.name().equals(candidate.kind()))
                && (populationMin == null || candidate.population() != null && candidate.population() >= populationMin)
                && (populationMax == null || candidate.population() != null && candidate.population() <= populationMax)
                && (theme == null || candidate.themes().stream().anyMatch(t -> contains(t, theme)))
                && (text == null || contains(candidate.name(), text));
    }

    private static boolean contains(String value, String part) {
        return value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
