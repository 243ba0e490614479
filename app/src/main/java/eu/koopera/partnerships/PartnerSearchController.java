package eu.koopera.partnerships;

import eu.koopera.platform.tabular.TableFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Partner search, the association's opt-in to the partner directory, and its list of foreign municipalities. Roles
 * are checked in {@link PartnerSearchService} and {@link ForeignMunicipalityService}.
 */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PartnerSearchController {

    private final PartnerSearchService search;
    private final ForeignMunicipalityService foreign;

    PartnerSearchController(PartnerSearchService search, ForeignMunicipalityService foreign) {
        this.search = search;
        this.foreign = foreign;
    }

    @Get("/partner-search")
    PartnerSearchPage search(@QueryValue @Nullable @Size(max = 10) String country,
                             @QueryValue @Nullable @Size(max = 40) String kind,
                             @QueryValue @Nullable Integer populationMin, @QueryValue @Nullable Integer populationMax,
                             @QueryValue @Nullable @Size(max = 200) String theme,
                             @QueryValue @Nullable @Size(max = 200) String q,
                             @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return search.search(PartnerSearchCriteria.of(country, kind, populationMin, populationMax, theme, q), page,
                size);
    }

    @Get("/partnerships/search-settings")
    SearchSettings settings() {
        return search.settings();
    }

    @Put("/partnerships/search-settings")
    SearchSettings updateSettings(@Body @Valid SearchSettingsCommand command) {
        return search.update(command);
    }

    @Get("/foreign-municipalities")
    List<ImportedMunicipality> foreignMunicipalities() {
        return foreign.all();
    }

    @Post(value = "/foreign-municipalities/import", consumes = {"text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ForeignImportResult importForeign(@Body byte[] file, @Header("Content-Type") String contentType,
                                      @QueryValue(defaultValue = "false") boolean dryRun) {
        return foreign.importFile(file, TableFormat.ofContentType(contentType), dryRun);
    }
}
