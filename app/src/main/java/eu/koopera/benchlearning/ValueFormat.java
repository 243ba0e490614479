package eu.koopera.benchlearning;

import eu.koopera.platform.web.ApiException;

import java.util.Locale;

/**
 * The two file layouts of indicator values: LONG has one value per row
 * ({@code indicator;municipality;year;gender;value}, Kolada-style), WIDE one row per indicator, municipality and
 * gender with a column per year.
 */
public enum ValueFormat {
    LONG,
    WIDE;

    public static ValueFormat named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest("format must be long or wide.").withCode("values.format.unknown");
        }
    }
}
