package eu.koopera.networks;

import eu.koopera.platform.documents.Attachments;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * Network documents: multipart uploads (the file in part {@code file}) and downloads that are always attachments
 * with a safe name and {@code X-Content-Type-Options: nosniff}. Access is checked in {@link DocumentService}.
 */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentController {

    private final DocumentService service;

    DocumentController(DocumentService service) {
        this.service = service;
    }

    @Post(value = "/networks/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<DocumentResponse> upload(@PathVariable UUID id, @Part("file") CompletedFileUpload file,
                                          @Part("title") @Nullable String title) {
        return HttpResponse.created(service.upload(id, title, file.getFilename(), bytes(file)));
    }

    @Get("/networks/{id}/documents")
    List<DocumentResponse> list(@PathVariable UUID id) {
        return service.list(id);
    }

    @Post(value = "/documents/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<DocumentResponse> addVersion(@PathVariable UUID id, @Part("file") CompletedFileUpload file) {
        return HttpResponse.created(service.addVersion(id, file.getFilename(), bytes(file)));
    }

    @Get("/documents/{id}")
    HttpResponse<byte[]> download(@PathVariable UUID id, @QueryValue @Nullable Integer version) {
        return Attachments.of(service.download(id, version));
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
