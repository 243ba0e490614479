package eu.koopera.platform.tabular;

import eu.koopera.platform.web.ApiException;
import io.micronaut.http.HttpResponse;

import java.util.Locale;

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

    /**
     * The format of an uploaded request body by its content type, such as {@code text/csv; charset=UTF-8}.
     *
     * @throws ApiException.BadRequest for any other content type
     */
    public static TableFormat ofContentType(String contentType) {
        String base = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (TableFormat format : values()) {
            if (format.mediaType.equals(base)) {
                return format;
            }
        }
        throw new ApiException.BadRequest("Send text/csv or an XLSX workbook.");
    }

    /** An exported file as a download named {@code baseName} with this format's extension. */
    public HttpResponse<byte[]> attachment(String baseName, byte[] content) {
        return HttpResponse.ok(content)
                .contentType(mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + baseName + "." + extension + "\"");
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
