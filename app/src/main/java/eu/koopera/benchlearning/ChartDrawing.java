package eu.koopera.benchlearning;

import io.micronaut.core.annotation.Nullable;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Draws benchlearning charts with JFreeChart from figures already computed, in one language: the ranked bars of a
 * peer group, a member's trend against the peers' median, and the group's box plot. Quartiles are coloured from the
 * Okabe–Ito palette (told apart with colour blindness) and each bar also carries its quartile as text, so colour is
 * never the only cue. In SVG each peer's bar is a group {@code <g id="peer-<member id>">}.
 */
final class ChartDrawing {

    /** Okabe–Ito colours: bluish green, yellow, orange, vermillion, for quartiles 1 (best) to 4. */
    static final Color[] QUARTILE = {new Color(0x00_9E_73), new Color(0xF0_E4_42), new Color(0xE6_9F_00),
            new Color(0xD5_5E_00)};
    static final Color NEUTRAL = new Color(0x99_99_99);
    static final Color MEMBER = new Color(0x00_72_B2);
    static final Color MEDIAN = new Color(0x33_33_33);
    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);
    private static final Font BOLD = new Font("SansSerif", Font.BOLD, 12);

    static {
        System.setProperty("java.awt.headless", "true"); // a server draws without a display
    }

    private final ResourceBundle texts;
    private final Locale locale;

    ChartDrawing(String language) {
        this.locale = Locale.of(language);
        this.texts = ResourceBundle.getBundle("chart_texts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String text(String key, Object... args) {
        return MessageFormat.format(texts.getString(key), args);
    }

    /** The peers' values as horizontal bars, best first, the member's bar outlined and its name marked. */
    JFreeChart comparison(Comparison comparison, String indicatorName, @Nullable String unit) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Comparison.Peer peer : comparison.peers()) {
            data.addValue(peer.value(), "value", new PeerKey(peer.id(), label(peer)));
        }
        CategoryAxis names = new CategoryAxis(text("axis.member"));
        NumberAxis values = new NumberAxis(valueAxis(unit));
        values.setUpperMargin(0.15); // room for the longest bar's label
        values.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
        RankedBars bars = new RankedBars(comparison.peers());
        CategoryPlot plot = new CategoryPlot(data, names, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        for (Comparison.Peer peer : comparison.peers()) {
            if (peer.self()) {
                names.setTickLabelFont(new PeerKey(peer.id(), label(peer)), BOLD);
            }
        }
        names.setTickLabelFont(FONT);
        names.setMaximumCategoryLabelWidthRatio(0.4f);
        if (comparison.median() != null) {
            plot.addRangeMarker(marker(comparison.median(), text("median")));
        }
        if (comparison.direction() != Direction.NEUTRAL) {
            LegendItemCollection legend = new LegendItemCollection();
            for (int q = 1; q <= 4; q++) {
                legend.add(new LegendItem(text("quartile." + q), QUARTILE[q - 1]));
            }
            plot.setFixedLegendItems(legend);
        }
        JFreeChart chart = new JFreeChart(text("comparison.title", indicatorName, Integer.toString(comparison.year())),
                JFreeChart.DEFAULT_TITLE_FONT, plot, comparison.direction() != Direction.NEUTRAL);
        return styled(chart);
    }

    /** The member's values over the years (solid, dots) and its peers' median (dashed), the baseline year marked. */
    JFreeChart trend(Trend trend, String indicatorName, @Nullable String unit, String memberName) {
        XYSeries member = new XYSeries(memberName);
        XYSeries median = new XYSeries(text("peerMedian"));
        for (Trend.Point point : trend.points()) {
            if (point.value() != null) {
                member.add(point.year(), point.value());
            }
            if (point.median() != null) {
                median.add(point.year(), point.median());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(member);
        data.addSeries(median);
        NumberAxis years = new NumberAxis(text("axis.year"));
        NumberFormat plainYear = NumberFormat.getIntegerInstance(Locale.ROOT);
        plainYear.setGroupingUsed(false);
        years.setTickUnit(new NumberTickUnit(1, plainYear));
        years.setAutoRangeIncludesZero(false);
        NumberAxis values = new NumberAxis(valueAxis(unit));
        values.setAutoRangeIncludesZero(false);
        values.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, MEMBER);
        lines.setSeriesStroke(0, new BasicStroke(3f));
        lines.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        lines.setSeriesPaint(1, MEDIAN);
        lines.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{8f, 6f}, 0f));
        lines.setSeriesShape(1, new Rectangle2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(data, years, values, lines);
        if (trend.baseline() != null) {
            ValueMarker baseline = new ValueMarker(trend.baseline(), MEDIAN, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{2f, 4f}, 0f));
            baseline.setLabel(text("baseline", indicatorName, Integer.toString(trend.baseline())));
            baseline.setLabelFont(FONT);
            baseline.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            baseline.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(baseline);
        }
        JFreeChart chart = new JFreeChart(text("trend.title", indicatorName, "", memberName),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return styled(chart);
    }

    /** The peer group's spread (percentile_cont quartiles, mean, lowest to highest) with the member's value marked. */
    JFreeChart box(Comparison comparison, String indicatorName, @Nullable String unit, @Nullable String memberName) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        if (!comparison.peers().isEmpty()) {
            double low = comparison.peers().stream().mapToDouble(p -> p.value().doubleValue()).min().orElse(0);
            double high = comparison.peers().stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(0);
            Number min = low;
            Number max = high;
            data.add(new BoxAndWhiskerItem((Number) comparison.mean(), comparison.median(), comparison.q1(),
                    comparison.q3(), min, max, min, max, List.<Number>of()), text("axis.group"), Integer.toString(comparison.year()));
        }
        BoxAndWhiskerRenderer boxes = new BoxAndWhiskerRenderer();
        boxes.setSeriesPaint(0, new Color(0x56_B4_E9));
        boxes.setDefaultOutlinePaint(MEDIAN);
        boxes.setMaxOutlierVisible(false);
        boxes.setMinOutlierVisible(false);
        boxes.setMaximumBarWidth(0.25);
        NumberAxis values = new NumberAxis(valueAxis(unit));
        values.setAutoRangeIncludesZero(false);
        values.setUpperMargin(0.15); // room for the member's label when it is the highest or lowest value
        values.setLowerMargin(0.15);
        values.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(text("axis.group")), values, boxes);
        if (comparison.value() != null && memberName != null) {
            ValueMarker member = marker(comparison.value().doubleValue(), memberName + " "
                    + NumberFormat.getNumberInstance(locale).format(comparison.value()));
            member.setPaint(MEMBER);
            member.setStroke(new BasicStroke(3f));
            member.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            member.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(member);
        }
        JFreeChart chart = new JFreeChart(text("box.title", indicatorName, Integer.toString(comparison.year())),
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return styled(chart);
    }

    /** The chart as an SVG document or PNG image of this size. */
    static byte[] render(JFreeChart chart, ChartFormat format, int width, int height) {
        if (format == ChartFormat.SVG) {
            SVGGraphics2D svg = new SVGGraphics2D(width, height);
            chart.draw(svg, new Rectangle(0, 0, width, height));
            // no DOCTYPE: parsers need not fetch the SVG DTD and the element can be inlined in HTML as it is
            return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.getSVGElement())
                    .getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** A height that gives every peer's bar room to be read. */
    static int barChartHeight(int peers) {
        return Math.max(300, Math.min(2400, 140 + 26 * peers));
    }

    private String label(Comparison.Peer peer) {
        return peer.rank() + ". " + peer.name() + (peer.self() ? " " + text("you") : "");
    }

    private String valueAxis(@Nullable String unit) {
        return unit == null || unit.isBlank() ? text("axis.value") : text("axis.value.unit", "", "", "", unit);
    }

    private static ValueMarker marker(double value, String label) {
        ValueMarker marker = new ValueMarker(value, MEDIAN, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(BOLD);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        return marker;
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setRangeGridlinePaint(new Color(0xCC_CC_CC));
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setRangeGridlinePaint(new Color(0xCC_CC_CC));
            plot.setDomainGridlinePaint(new Color(0xCC_CC_CC));
        }
        return chart;
    }

    /** A bar's category: the member, shown by its rank and name (names need not be unique, ids are). */
    private record PeerKey(long id, String label) implements Comparable<PeerKey> {
        @Override
        public int compareTo(PeerKey other) {
            return Long.compare(id, other.id);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Bars coloured by quartile, labelled with value and quartile, the member's outlined; one SVG group each. */
    private final class RankedBars extends BarRenderer {
        private final List<Comparison.Peer> peers;

        RankedBars(List<Comparison.Peer> peers) {
            this.peers = peers;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(true);
            setMaximumBarWidth(0.08);
            setDefaultItemLabelsVisible(true);
            setDefaultItemLabelFont(FONT);
            setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                    TextAnchor.CENTER_LEFT));
            setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
                @Override
                public String generateLabel(CategoryDataset dataset, int row, int column) {
                    Comparison.Peer peer = peers.get(column);
                    String value = NumberFormat.getNumberInstance(locale).format(peer.value());
                    return peer.quartile() == null ? value : value + " · Q" + peer.quartile();
                }
            });
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            Integer quartile = peers.get(column).quartile();
            return quartile == null ? NEUTRAL : QUARTILE[quartile - 1];
        }

        @Override
        public Paint getItemOutlinePaint(int row, int column) {
            return peers.get(column).self() ? Color.BLACK : new Color(0x55_55_55);
        }

        @Override
        public java.awt.Stroke getItemOutlineStroke(int row, int column) {
            return new BasicStroke(peers.get(column).self() ? 3f : 0.5f);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, CategoryAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                             CategoryDataset dataset, int row, int column, int pass) {
            boolean svg = g2 instanceof SVGGraphics2D;
            if (svg && pass == 0) {
                Comparison.Peer peer = peers.get(column);
                g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "peer-" + peer.id() + (peer.self() ? "-self" : ""));
            }
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (svg && pass == 0) {
                g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
            }
        }
    }

}
