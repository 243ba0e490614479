package eu.koopera.benchlearning;

import eu.koopera.members.MemberService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Charts of comparisons, as SVG or PNG, titled and labelled in the caller's language (lv, lt or en): the peers'
 * ranked bars with the member highlighted, the member's trend against its peers' median from a baseline, and the
 * peer group's box plot. The figures come from {@link ComparisonService}, so a chart shows what the API returns.
 */
@Singleton
public class ChartService {

    static final List<String> LANGUAGES = List.of("lv", "lt", "en");
    private static final int WIDTH = 900;

    private final ComparisonService comparisons;
    private final IndicatorService indicators;
    private final MemberService members;

    public ChartService(ComparisonService comparisons, IndicatorService indicators, MemberService members) {
        this.comparisons = comparisons;
        this.indicators = indicators;
        this.members = members;
    }

    /** The peer group's values of one indicator in one year as ranked bars; the member's bar outlined. */
    public Chart comparison(String indicator, @Nullable Long member, @Nullable Long group, @Nullable Integer year,
                            @Nullable String gender, ChartFormat format, String language) {
        Comparison comparison = comparisons.compare(indicator, member, group, year, gender);
        return comparison(comparison, format, language);
    }

    /** Ranked bars of a comparison already made. */
    public Chart comparison(Comparison comparison, ChartFormat format, String language) {
        Indicator definition = indicators.get(comparison.indicator());
        ChartDrawing drawing = new ChartDrawing(language(language));
        byte[] content = ChartDrawing.render(drawing.comparison(comparison, definition.name().in(language),
                definition.unit()), format, WIDTH, ChartDrawing.barChartHeight(comparison.peers().size()));
        return new Chart("comparison-" + comparison.indicator() + "-" + comparison.year(), format, content);
    }

    /** The member's values over the years against its peers' median, the baseline year marked. */
    public Chart trend(String indicator, long member, @Nullable Long group, @Nullable Integer baseline,
                       @Nullable String gender, ChartFormat format, String language) {
        return trend(comparisons.trend(indicator, member, group, baseline, gender), format, language);
    }

    /** The chart of a trend already computed. */
    public Chart trend(Trend trend, ChartFormat format, String language) {
        Indicator definition = indicators.get(trend.indicator());
        String memberName = members.get(trend.member()).name();
        ChartDrawing drawing = new ChartDrawing(language(language));
        byte[] content = ChartDrawing.render(drawing.trend(trend, definition.name().in(language), definition.unit(),
                memberName), format, WIDTH, 450);
        return new Chart("trend-" + trend.indicator(), format, content);
    }

    /** The peer group's spread in one year as a box plot, the member's value marked. */
    public Chart box(String indicator, @Nullable Long member, @Nullable Long group, @Nullable Integer year,
                     @Nullable String gender, ChartFormat format, String language) {
        return box(comparisons.compare(indicator, member, group, year, gender), format, language);
    }

    /** The box plot of a comparison already made. */
    public Chart box(Comparison comparison, ChartFormat format, String language) {
        Indicator definition = indicators.get(comparison.indicator());
        String memberName = comparison.member() == null ? null : members.get(comparison.member()).name();
        ChartDrawing drawing = new ChartDrawing(language(language));
        byte[] content = ChartDrawing.render(drawing.box(comparison, definition.name().in(language),
                definition.unit(), memberName), format, 600, 450);
        return new Chart("box-" + comparison.indicator() + "-" + comparison.year(), format, content);
    }

    /**
     * The language to draw in: {@code lang} when it is lv, lt or en, else the first of those in an
     * {@code Accept-Language} header, else English.
     */
    public static String language(@Nullable String lang, @Nullable String acceptLanguage) {
        if (lang != null && LANGUAGES.contains(lang.toLowerCase(Locale.ROOT))) {
            return lang.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
                    if (LANGUAGES.contains(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException e) {
                return "en"; // an unreadable header asks for nothing in particular
            }
        }
        return "en";
    }

    private static String language(String language) {
        return LANGUAGES.contains(language) ? language : "en";
    }
}
