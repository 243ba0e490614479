package eu.koopera.benchlearning;

import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Benchlearning charts (SVG or PNG, titled in the language of {@code lang} or {@code Accept-Language}) and the
 * tables behind them as CSV or XLSX with English column codes as headers. {@code download=true} asks for an
 * attachment instead of an inline image.
 */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChartController {

    private static final String INDICATOR_CODE = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$";
    private static final String GENDER = "^[TFM]$";
    private static final String FORMAT = "^(svg|png)$";

    private final ChartService charts;
    private final ComparisonService comparisons;
    private final TableWriter tables;

    ChartController(ChartService charts, ComparisonService comparisons, TableWriter tables) {
        this.charts = charts;
        this.comparisons = comparisons;
        this.tables = tables;
    }

    @Get("/charts/comparison.{format}")
    HttpResponse<byte[]> comparison(@PathVariable @Pattern(regexp = FORMAT) String format,
                                    @QueryValue @Pattern(regexp = INDICATOR_CODE) String indicator,
                                    @QueryValue @Nullable Long member,
                                    @QueryValue @Nullable Long group,
                                    @QueryValue @Nullable @Min(1990) @Max(2100) Integer year,
                                    @QueryValue @Nullable @Pattern(regexp = GENDER) String gender,
                                    @QueryValue @Nullable String lang,
                                    @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                                    @QueryValue(defaultValue = "false") boolean download) {
        return image(charts.comparison(indicator, member, group, year, gender, ChartFormat.named(format),
                ChartService.language(lang, acceptLanguage)), download);
    }

    @Get("/charts/trend.{format}")
    HttpResponse<byte[]> trend(@PathVariable @Pattern(regexp = FORMAT) String format,
                               @QueryValue @Pattern(regexp = INDICATOR_CODE) String indicator,
                               @QueryValue long member,
                               @QueryValue @Nullable Long group,
                               @QueryValue @Nullable @Min(1990) @Max(2100) Integer baseline,
                               @QueryValue @Nullable @Pattern(regexp = GENDER) String gender,
                               @QueryValue @Nullable String lang,
                               @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                               @QueryValue(defaultValue = "false") boolean download) {
        return image(charts.trend(indicator, member, group, baseline, gender, ChartFormat.named(format),
                ChartService.language(lang, acceptLanguage)), download);
    }

    @Get("/charts/box.{format}")
    HttpResponse<byte[]> box(@PathVariable @Pattern(regexp = FORMAT) String format,
                             @QueryValue @Pattern(regexp = INDICATOR_CODE) String indicator,
                             @QueryValue @Nullable Long member,
                             @QueryValue @Nullable Long group,
                             @QueryValue @Nullable @Min(1990) @Max(2100) Integer year,
                             @QueryValue @Nullable @Pattern(regexp = GENDER) String gender,
                             @QueryValue @Nullable String lang,
                             @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                             @QueryValue(defaultValue = "false") boolean download) {
        return image(charts.box(indicator, member, group, year, gender, ChartFormat.named(format),
                ChartService.language(lang, acceptLanguage)), download);
    }

    @Get("/comparisons/table")
    HttpResponse<byte[]> comparisonTable(@QueryValue(defaultValue = "csv") String format,
                                         @QueryValue @Pattern(regexp = INDICATOR_CODE) String indicator,
                                         @QueryValue @Nullable Long member,
                                         @QueryValue @Nullable Long group,
                                         @QueryValue @Nullable @Min(1990) @Max(2100) Integer year,
                                         @QueryValue @Nullable @Pattern(regexp = GENDER) String gender) {
        TableFormat tableFormat = TableFormat.named(format);
        Comparison comparison = comparisons.compare(indicator, member, group, year, gender);
        return tableFormat.attachment("comparison-" + indicator + "-" + comparison.year(),
                tables.write(tableFormat, ComparisonTables.PEERS, ComparisonTables.peers(comparison)));
    }

    @Get("/comparisons/side-by-side/table")
    HttpResponse<byte[]> sideBySideTable(@QueryValue(defaultValue = "csv") String format,
                                         @QueryValue @Nullable Long group,
                                         @QueryValue @Nullable UUID network,
                                         @QueryValue @Size(max = 1000) String indicators,
                                         @QueryValue @Nullable @Min(1990) @Max(2100) Integer year) {
        TableFormat tableFormat = TableFormat.named(format);
        SideBySide compared = comparisons.sideBySide(group, network, BenchlearningController.codes(indicators),
                year);
        return tableFormat.attachment("side-by-side-" + compared.year(), tables.write(tableFormat,
                ComparisonTables.sideBySideColumns(compared), ComparisonTables.sideBySide(compared)));
    }

    @Get("/trends/table")
    HttpResponse<byte[]> trendTable(@QueryValue(defaultValue = "csv") String format,
                                    @QueryValue @Pattern(regexp = INDICATOR_CODE) String indicator,
                                    @QueryValue long member,
                                    @QueryValue @Nullable Long group,
                                    @QueryValue @Nullable @Min(1990) @Max(2100) Integer baseline,
                                    @QueryValue @Nullable @Pattern(regexp = GENDER) String gender) {
        TableFormat tableFormat = TableFormat.named(format);
        Trend trend = comparisons.trend(indicator, member, group, baseline, gender);
        return tableFormat.attachment("trend-" + indicator, tables.write(tableFormat, ComparisonTables.TREND,
                ComparisonTables.trend(trend)));
    }

    @Get("/comparisons/bottom-quartile/table")
    HttpResponse<byte[]> weakSpotTable(@QueryValue(defaultValue = "csv") String format,
                                       @QueryValue long member,
                                       @QueryValue @Nullable Long group,
                                       @QueryValue @Nullable @Min(1990) @Max(2100) Integer year,
                                       @QueryValue @Nullable String lang,
                                       @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        TableFormat tableFormat = TableFormat.named(format);
        var spots = comparisons.weakSpots(member, group, year);
        return tableFormat.attachment("bottom-quartile", tables.write(tableFormat, ComparisonTables.WEAK_SPOTS,
                ComparisonTables.weakSpots(spots, ChartService.language(lang, acceptLanguage))));
    }

    private static HttpResponse<byte[]> image(Chart chart, boolean download) {
        return HttpResponse.ok(chart.content())
                .contentType(chart.format().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, (download ? "attachment" : "inline") + "; filename=\""
                        + chart.fileName() + "\"");
    }
}
