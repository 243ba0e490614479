package eu.koopera.platform.tabular;

import eu.koopera.platform.web.ApiException;

import java.util.Locale;
import java.util.Optional;

/** The file formats registers are imported from and exported to. */
public enum TableFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a request body by its content type, such as {@code text/csv; charset=UTF-8}. */
    public static Optional<TableFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String base = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (TableFormat format : values()) {
            if (format.mediaType.equals(base)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format named by a query parameter such as {@code format=xlsx}. */
    public static TableFormat named(String name) {
        for (TableFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new ApiException.BadRequest("Unknown format '" + name + "'; use csv or xlsx.");
    }
}
