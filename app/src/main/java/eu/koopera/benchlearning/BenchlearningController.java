package eu.koopera.benchlearning;

import eu.koopera.platform.tabular.TableFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Benchlearning: the indicator catalogue, values and their import, peer groups, comparisons, trends and weak spots.
 * Roles are checked in the services.
 */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BenchlearningController {

    private static final String INDICATOR_CODE = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$";
    private static final String GENDER = "^[TFM]$";

    private final IndicatorService indicators;
    private final ValueImportService imports;
    private final ValueService values;
    private final PeerGroupService groups;
    private final ComparisonService comparisons;
    private final PlatformIndicatorService platformIndicators;

    BenchlearningController(IndicatorService indicators, ValueImportService imports, ValueService values,
                            PeerGroupService groups, ComparisonService comparisons,
                            PlatformIndicatorService platformIndicators) {
        this.platformIndicators = platformIndicators;
        this.indicators = indicators;
        this.imports = imports;
        this.values = values;
        this.groups = groups;
        this.comparisons = comparisons;
    }

    @Post("/indicators")
    HttpResponse<Indicator> createIndicator(@Body @Valid IndicatorCommand command) {
        Indicator created = indicators.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/indicators").path(created.code()).build());
    }

    @Get("/indicators")
    List<Indicator> indicators(@QueryValue @Nullable @Size(max = 40) String serviceArea) {
        return indicators.list(serviceArea);
    }

    @Get("/indicators/{code}")
    Indicator indicator(@PathVariable @Pattern(regexp = INDICATOR_CODE) String code) {
        return indicators.get(code);
    }

    @Put("/indicators/{code}")
    Indicator updateIndicator(@PathVariable @Pattern(regexp = INDICATOR_CODE) String code,
                              @Body @Valid IndicatorCommand command) {
        return indicators.update(code, command);
    }

    @Post("/indicators/adopt")
    HttpResponse<Indicator> adopt(@Body @Valid AdoptCommand command) {
        Indicator adopted = indicators.adopt(command.code());
        return HttpResponse.created(adopted, UriBuilder.of("/api/indicators").path(adopted.code()).build());
    }

    @Get("/platform/indicators")
    List<Indicator> platformIndicators() {
        return platformIndicators.list();
    }

    @Get("/platform/indicators/{code}")
    Indicator platformIndicator(@PathVariable @Pattern(regexp = INDICATOR_CODE) String code) {
        return platformIndicators.get(code);
    }

    @Post("/platform/indicators")
    HttpResponse<Indicator> createPlatformIndicator(@Body @Valid IndicatorCommand command) {
        Indicator created = platformIndicators.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/platform/indicators").path(created.code()).build());
    }

    @Put("/platform/indicators/{code}")
    Indicator updatePlatformIndicator(@PathVariable @Pattern(regexp = INDICATOR_CODE) String code,
                                      @Body @Valid IndicatorCommand command) {
        return platformIndicators.update(code, command);
    }

    @Post(value = "/indicator-values/import", consumes = {"text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ValueImportResult importValues(@Body byte[] file, @Header("Content-Type") String contentType,
                                   @QueryValue(defaultValue = "false") boolean dryRun,
                                   @QueryValue(defaultValue = "long") String format) {
        return imports.importFile(file, TableFormat.ofContentType(contentType), ValueFormat.named(format), dryRun);
    }

    @Get("/indicator-values")
    ValuePage values(@QueryValue @Nullable @Pattern(regexp = INDICATOR_CODE) String indicator,
                     @QueryValue @Nullable Long member,
                     @QueryValue @Nullable @Min(1990) @Max(2100) Integer yearFrom,
                     @QueryValue @Nullable @Min(1990) @Max(2100) Integer yearTo,
                     @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                     @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return values.search(indicator, member, yearFrom, yearTo, page, size);
    }

    @Post("/peer-groups")
    HttpResponse<PeerGroup> createGroup(@Body @Valid PeerGroupCommand command) {
        PeerGroup created = groups.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/peer-groups").path(Long.toString(created.id()))
                .build());
    }

    @Get("/peer-groups")
    List<PeerGroup> groups() {
        return groups.list();
    }

    @Get("/peer-groups/{id}")
    PeerGroup group(@PathVariable long id) {
        return groups.get(id);
    }

    @Get("/peer-groups/similar")
    List<SimilarMember> similar(@QueryValue long member,
                                @QueryValue @Size(max = 1000) String indicators,
                                @QueryValue @Nullable @Min(1990) @Max(2100) Integer year,
                                @QueryValue(defaultValue = "5") @Min(1) @Max(50) int count) {
        return groups.similar(member, codes(indicators), year, count);
    }

    @Get("/comparisons")
    Comparison compare(@QueryValue @Pattern(regexp = INDICATOR_CODE) String indicator,
                       @QueryValue @Nullable Long member,
                       @QueryValue @Nullable Long group,
                       @QueryValue @Nullable @Min(1990) @Max(2100) Integer year,
                       @QueryValue @Nullable @Pattern(regexp = GENDER) String gender) {
        return comparisons.compare(indicator, member, group, year, gender);
    }

    @Get("/comparisons/side-by-side")
    SideBySide sideBySide(@QueryValue @Nullable Long group,
                          @QueryValue @Nullable UUID network,
                          @QueryValue @Size(max = 1000) String indicators,
                          @QueryValue @Nullable @Min(1990) @Max(2100) Integer year) {
        return comparisons.sideBySide(group, network, codes(indicators), year);
    }

    /** The indicator codes of a comma-separated list, blanks dropped. */
    static List<String> codes(String indicators) {
        return Arrays.stream(indicators.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Get("/comparisons/bottom-quartile")
    List<WeakSpot> bottomQuartile(@QueryValue long member,
                                  @QueryValue @Nullable Long group,
                                  @QueryValue @Nullable @Min(1990) @Max(2100) Integer year) {
        return comparisons.weakSpots(member, group, year);
    }

    @Get("/trends")
    Trend trend(@QueryValue @Pattern(regexp = INDICATOR_CODE) String indicator,
                @QueryValue long member,
                @QueryValue @Nullable Long group,
                @QueryValue @Nullable @Min(1990) @Max(2100) Integer baseline,
                @QueryValue @Nullable @Pattern(regexp = GENDER) String gender) {
        return comparisons.trend(indicator, member, group, baseline, gender);
    }

    /** The code of the platform indicator to adopt. */
    @io.micronaut.serde.annotation.Serdeable
    record AdoptCommand(@jakarta.validation.constraints.NotNull @Pattern(regexp = INDICATOR_CODE) String code) {
    }
}
