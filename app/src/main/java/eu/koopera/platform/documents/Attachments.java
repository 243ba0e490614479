package eu.koopera.platform.documents;

import io.micronaut.http.HttpResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends stored documents the one safe way: always as an attachment, with an ASCII fallback name and the UTF-8 name
 * (RFC 6266), the type recognised at upload, {@code X-Content-Type-Options: nosniff} and no caching.
 */
public final class Attachments {

    private Attachments() {
    }

    /** The response carrying {@code download}. */
    public static HttpResponse<byte[]> of(DocumentDownload download) {
        String ascii = download.fileName().replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(download.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(download.content())
                .contentType(download.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store");
    }
}
