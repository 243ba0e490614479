package eu.koopera.benchlearning;

import eu.koopera.platform.web.ApiException;

import java.util.Locale;

/** The image formats charts are drawn in. */
public enum ChartFormat {
    SVG("image/svg+xml", "svg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;

    ChartFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by a file extension such as {@code svg}. */
    public static ChartFormat named(String name) {
        for (ChartFormat format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new ApiException.BadRequest("Unknown chart format '" + name + "'; use svg or png.")
                .withCode("chart.format.unknown");
    }
}
