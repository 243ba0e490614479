package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.benchlearning.Chart;
import eu.koopera.benchlearning.ChartFormat;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.i18n.KooperaI18n;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the benchlearning views share: inline charts, download links, numbers and the demo-data label. */
final class BenchViews {

    /** What the demo data generator's source says (in Latvian and English), in any letter case. */
    static final String DEMO_SOURCE = "generated demo data";

    private BenchViews() {
    }

    /** The user's language as the charts know it: lv, lt or en. */
    static String language(Component context) {
        UI ui = context.getUI().orElseGet(UI::getCurrent);
        return KooperaI18n.supported(ui == null ? Locale.ENGLISH : ui.getLocale()).getLanguage();
    }

    /** A chart drawn inline as SVG, labelled for screen readers. */
    static Div chart(Chart svg, String label, String id) {
        String markup = new String(svg.content(), StandardCharsets.UTF_8);
        // inside a div, so that the browser parses the markup as HTML and gives <svg> its SVG namespace
        Html image = new Html("<div>" + markup.substring(markup.indexOf("<svg")) + "</div>");
        Div figure = new Div(image);
        figure.setId(id);
        figure.getElement().setAttribute("role", "img");
        figure.getElement().setAttribute("aria-label", label);
        figure.addClassName("bench-chart");
        figure.getStyle().set("max-width", "100%").set("overflow-x", "auto");
        return figure;
    }

    /** SVG and PNG download links of a chart drawn when clicked. */
    static List<Anchor> chartDownloads(Component context, Function<ChartFormat, Chart> draw, String id) {
        return List.of(ChartFormat.SVG, ChartFormat.PNG).stream().map(format -> {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> {
                try {
                    Chart chart = draw.apply(format);
                    return new DownloadResponse(new ByteArrayInputStream(chart.content()), chart.fileName(),
                            format.mediaType(), chart.content().length);
                } catch (ApiException.NotFound e) {
                    return DownloadResponse.error(404);
                }
            }), context.getTranslation("bench.download." + format.extension()));
            link.setId(id + "-" + format.extension());
            return link;
        }).toList();
    }

    /** CSV and XLSX download links of a table whose headers are translated column codes. */
    static List<Anchor> tableDownloads(Component context, TableWriter writer, String name, List<String> columns,
                                       Supplier<List<List<String>>> rows, String id) {
        List<String> headers = columns.stream().map(code -> context.getTranslation("bench.column." + code)).toList();
        return headedTableDownloads(context, writer, name, headers, rows, id);
    }

    /** CSV and XLSX download links of a table whose headers are given already translated. */
    static List<Anchor> headedTableDownloads(Component context, TableWriter writer, String name,
                                             List<String> headers, Supplier<List<List<String>>> rows, String id) {
        return List.of(TableFormat.CSV, TableFormat.XLSX).stream().map(format -> {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> {
                try {
                    byte[] file = writer.write(format, headers, rows.get());
                    return new DownloadResponse(new ByteArrayInputStream(file), name + "." + format.extension(),
                            format.mediaType(), file.length);
                } catch (ApiException.NotFound e) {
                    return DownloadResponse.error(404);
                }
            }), context.getTranslation("bench.download." + format.extension()));
            link.setId(id + "-" + format.extension());
            return link;
        }).toList();
    }

    /** The indicator's source, with a warning when its values are generated for the demo. */
    static Div source(Component context, Indicator indicator) {
        Div box = new Div();
        box.setId("indicator-source");
        if (indicator.source() != null && !indicator.source().isBlank()) {
            box.add(new Paragraph(context.getTranslation("bench.indicator.source") + ": " + indicator.source()));
        }
        if (isDemo(indicator)) {
            Paragraph demo = new Paragraph(context.getTranslation("bench.demoData"));
            demo.setId("demo-data-label");
            demo.getElement().getThemeList().add("badge warning");
            demo.getStyle().set("font-weight", "bold");
            box.add(demo);
        }
        return box;
    }

    static boolean isDemo(Indicator indicator) {
        return indicator.source() != null && indicator.source().toLowerCase(Locale.ROOT).contains(DEMO_SOURCE);
    }

    /** The most members a benchlearning picker lists; associations have about a hundred. */
    static final int REGISTER_SIZE = 2_000;

    /**
     * The association's members for a picker, by name. Through the search every user may run (the full register
     * is the administrators'), so that coordinators and municipal users can open the pages too.
     */
    static List<MemberResponse> register(MemberService members) {
        return members.search(MemberSearch.all(), 0, REGISTER_SIZE).items();
    }

    static String number(Locale locale, Number value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
