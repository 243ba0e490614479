package eu.koopera.people;

import eu.koopera.platform.tabular.TableFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** People of the caller's association. Roles are checked in {@link PeopleService}. */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PeopleController {

    private final PeopleService service;
    private final PeopleImportService imports;

    PeopleController(PeopleService service, PeopleImportService imports) {
        this.service = service;
        this.imports = imports;
    }

    @Post("/people")
    HttpResponse<PersonResponse> create(@Body @Valid PersonCommand command) {
        PersonResponse created = service.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/people").path(created.id().toString()).build());
    }

    @Get("/people")
    PersonPage search(@QueryValue("q") @Nullable @Size(max = 200) String query,
                      @QueryValue @Nullable Long memberId,
                      @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.search(new PersonSearch(query, memberId), page, size);
    }

    @Get("/people/{id}")
    PersonResponse get(@PathVariable long id) {
        return service.get(id);
    }

    @Put("/people/{id}")
    PersonResponse update(@PathVariable long id, @Body @Valid PersonCommand command) {
        return service.update(id, command);
    }

    @Delete("/people/{id}")
    HttpResponse<Void> delete(@PathVariable long id) {
        service.delete(id);
        return HttpResponse.noContent();
    }

    @Get("/members/{memberId}/people")
    PersonPage ofMember(@PathVariable long memberId,
                        @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @QueryValue(defaultValue = "50") @Min(1) @Max(100) int size) {
        return service.ofMember(memberId, page, size);
    }

    @Post(value = "/people/import", consumes = {"text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    PeopleImportResult importFile(@Body byte[] file, @Header("Content-Type") String contentType,
                                  @QueryValue(defaultValue = "false") boolean dryRun) {
        return imports.importFile(file, TableFormat.ofContentType(contentType), dryRun);
    }

    @Get("/people/export")
    HttpResponse<byte[]> export(@QueryValue(defaultValue = "csv") String format) {
        TableFormat tableFormat = TableFormat.named(format);
        return tableFormat.attachment("people", imports.export(tableFormat));
    }
}
