package eu.koopera.benchlearning;

import eu.koopera.platform.documents.Attachments;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Improvement plans and good-practice examples. Roles and ownership are checked in {@link PlanService} and
 * {@link GoodPracticeService}.
 */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {

    private final PlanService plans;
    private final GoodPracticeService practices;

    PlanController(PlanService plans, GoodPracticeService practices) {
        this.plans = plans;
        this.practices = practices;
    }

    @Post("/plans")
    HttpResponse<Plan> create(@Body @Valid PlanCommand command) {
        Plan created = plans.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/plans").path(Long.toString(created.id())).build());
    }

    @Get("/plans")
    List<Plan> list(@QueryValue @Nullable Long member) {
        return plans.list(member);
    }

    @Get("/plans/{id}")
    Plan get(@PathVariable long id) {
        return plans.get(id);
    }

    @Put("/plans/{id}")
    Plan update(@PathVariable long id, @Body @Valid PlanCommand command) {
        return plans.update(id, command);
    }

    @Post("/good-practices")
    HttpResponse<GoodPractice> createPractice(@Body @Valid GoodPracticeCommand command) {
        GoodPractice created = practices.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/good-practices").path(Long.toString(created.id()))
                .build());
    }

    @Get("/good-practices")
    List<GoodPractice> practices(@QueryValue @Nullable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
                                 String indicator, @QueryValue @Nullable Long member) {
        return practices.list(indicator, member);
    }

    @Get("/good-practices/{id}")
    GoodPractice practice(@PathVariable long id) {
        return practices.get(id);
    }

    @Put("/good-practices/{id}")
    GoodPractice updatePractice(@PathVariable long id, @Body @Valid GoodPracticeCommand command) {
        return practices.update(id, command);
    }

    @Post(value = "/good-practices/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<GoodPractice> addDocument(@PathVariable long id, @Part("file") CompletedFileUpload file) {
        try {
            return HttpResponse.created(practices.addDocument(id, file.getFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/good-practices/{id}/documents/{document}")
    HttpResponse<byte[]> document(@PathVariable long id, @PathVariable long document) {
        return Attachments.of(practices.document(id, document));
    }

    @Delete("/good-practices/{id}/documents/{document}")
    GoodPractice removeDocument(@PathVariable long id, @PathVariable long document) {
        return practices.removeDocument(id, document);
    }
}
