package eu.koopera.members;

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
import eu.koopera.platform.tabular.TableFormat;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The member organisations of the caller's association. Roles are checked in {@link MemberService}. */
@Controller("/api/members")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberController {

    private final MemberService service;
    private final MemberImportService imports;

    MemberController(MemberService service, MemberImportService imports) {
        this.service = service;
        this.imports = imports;
    }

    @Post
    HttpResponse<MemberResponse> create(@Body @Valid MemberCommand command) {
        MemberResponse created = service.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/members").path(created.id().toString()).build());
    }

    @Get
    MemberPage search(@QueryValue("q") @Nullable @Size(max = 200) String query,
                      @QueryValue @Nullable MemberKind kind,
                      @QueryValue @Nullable @Size(max = 100) String region,
                      @QueryValue @Nullable @Pattern(regexp = "^[A-Z]{2}$") String country,
                      @QueryValue @Nullable MembershipStatus membershipStatus,
                      @QueryValue(defaultValue = "name") @Pattern(regexp = "^-?(name|code|kind|region|population|"
                              + "membershipStatus|updatedAt)$", message = "must be a field name, - for descending")
                      String sort,
                      @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        MemberSearch.SortField sortField = MemberSearch.SortField.valueOf(
                field.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
        return service.search(new MemberSearch(query, kind, region, country, membershipStatus, sortField, descending),
                page, size);
    }

    @Get("/{id}")
    MemberResponse get(@PathVariable long id) {
        return service.get(id);
    }

    @Put("/{id}")
    MemberResponse update(@PathVariable long id, @Body @Valid MemberCommand command) {
        return service.update(id, command);
    }

    @Post(value = "/import", consumes = {"text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ImportResult importFile(@Body byte[] file, @Header("Content-Type") String contentType,
                            @QueryValue(defaultValue = "false") boolean dryRun) {
        return imports.importFile(file, TableFormat.ofContentType(contentType), dryRun);
    }

    @Get("/export")
    HttpResponse<byte[]> export(@QueryValue(defaultValue = "csv") String format) {
        TableFormat tableFormat = TableFormat.named(format);
        return tableFormat.attachment("members", imports.export(tableFormat));
    }

    @Post("/{id}/membership")
    MemberResponse changeMembership(@PathVariable long id, @Body @Valid MembershipChange change) {
        return service.changeMembership(id, change);
    }

    @Get("/{id}/membership")
    List<MembershipHistoryEntry> membershipHistory(@PathVariable long id) {
        return service.membershipHistory(id);
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@PathVariable long id) {
        service.delete(id);
        return HttpResponse.noContent();
    }
}
