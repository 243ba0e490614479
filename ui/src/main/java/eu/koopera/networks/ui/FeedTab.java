package eu.koopera.networks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import eu.koopera.networks.FeedEntry;
import eu.koopera.networks.NetworkService;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What happened in the network, newest first, each entry worded in the reader's language. */
class FeedTab extends VerticalLayout {

    FeedTab(UUID networkId, NetworkService networks) {
        setPadding(false);
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        Grid<FeedEntry> grid = new Grid<>(FeedEntry.class, false);
        grid.setId("feed");
        grid.addColumn(entry -> times.format(entry.occurredAt())).setHeader(getTranslation("network.feed.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> entry.username() + " (" + entry.tenant() + ")")
                .setHeader(getTranslation("network.feed.who")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> text(this, getLocale(), entry)).setHeader(getTranslation("network.feed.what")).setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setWidthFull();
        grid.setItems(query -> networks.feed(networkId, query.getPage(), query.getPageSize()).items().stream(),
                query -> (int) networks.feed(networkId, 0, 1).total());
        add(grid);
    }

    /**
     * An entry in the reader's language. Every kind's text may use the same arguments: {0} who did it, {1} their
     * association, {2} the association and {3} the municipality it concerns, {4} the network's name, {5} its
     * status, {6} the user it concerns, {7} the title of the activity, document or meeting it concerns and {8} a
     * version number or a count of attendees.
     */
    static String text(Component context, Locale locale, FeedEntry entry) {
        Map<String, Object> parameters = entry.parameters();
        Object name = parameters.get("name");
        Object status = parameters.get("status");
        return context.getTranslation(entry.messageKey(), entry.username(), entry.tenant(),
                string(parameters.get("tenant")), string(parameters.get("member")),
                name instanceof Map<?, ?> texts ? NetworksView.inLanguage(texts, locale) : "",
                status == null ? "" : context.getTranslation("networks.status." + status),
                string(parameters.get("username")), title(parameters, locale),
                string(parameters.getOrDefault("version", parameters.get("attendees"))));
    }

    /** The activity's goal, the document's title, or the meeting's title in the reader's language. */
    private static String title(Map<String, Object> parameters, Locale locale) {
        for (String key : new String[]{"goal", "title"}) {
            Object value = parameters.get(key);
            if (value instanceof Map<?, ?> texts) {
                return NetworksView.inLanguage(texts, locale);
            }
            if (value != null) {
                return string(value);
            }
        }
        return "";
    }

    private static String string(Object value) {
        return Objects.toString(value, "");
    }
}
