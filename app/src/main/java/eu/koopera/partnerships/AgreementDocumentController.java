package eu.koopera.partnerships;

import eu.koopera.platform.documents.Attachments;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The documents of an agreement. Roles are checked in {@link AgreementDocumentService}. */
@Controller("/api/agreements/{id}/documents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgreementDocumentController {

    private final AgreementDocumentService documents;

    AgreementDocumentController(AgreementDocumentService documents) {
        this.documents = documents;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<AgreementDocument> add(@PathVariable UUID id, @Part("file") CompletedFileUpload file) {
        try {
            return HttpResponse.created(documents.add(id, file.getFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    List<AgreementDocument> list(@PathVariable UUID id) {
        return documents.list(id);
    }

    @Get("/{documentId}")
    HttpResponse<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        return Attachments.of(documents.download(id, documentId));
    }
}
