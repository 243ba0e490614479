package eu.koopera.ui.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.List;

/**
 * The bar above a grid: the search, the filters and the actions in one wrapping row on a wide screen. On a phone
 * (below 40rem, see {@code koopera.css}) the search and the actions stay in sight and the other filters fold away
 * behind a "Filters" toggle, so that the grid starts on the first screen.
 */
public class FilterBar extends Div {

    private final Div filters = new Div();
    private final Button toggle = new Button();

    /**
     * @param id      the bar's id; the folding part is {@code id-filters}, its toggle {@code id-toggle}
     * @param search  the free-text search, always shown; {@code null} when the grid has none
     * @param filters the filters that fold away on a phone
     * @param actions buttons and links that act on the grid, always shown
     */
    public FilterBar(String id, Component search, List<? extends Component> filters,
                     List<? extends Component> actions) {
        setId(id);
        addClassName("koopera-filter-bar");
        if (search != null) {
            search.addClassName("koopera-filter-search");
            add(search);
        }
        this.filters.addClassName("koopera-filters");
        this.filters.setId(id + "-filters");
        filters.forEach(this.filters::add);
        toggle.setText(getTranslation("common.filters"));
        toggle.setIcon(VaadinIcon.FILTER.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClassName("koopera-filters-toggle");
        toggle.setId(id + "-toggle");
        toggle.getElement().setAttribute("aria-controls", id + "-filters");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.setVisible(!filters.isEmpty());
        toggle.addClickListener(click -> setFiltersOpen(!isFiltersOpen()));
        add(toggle, this.filters);
        actions.forEach(this::add);
    }

    /** Whether the filters are unfolded on a phone (on a wide screen they always show). */
    public boolean isFiltersOpen() {
        return getElement().hasAttribute("filters-open");
    }

    /** Unfolds or folds the filters on a phone. */
    public void setFiltersOpen(boolean open) {
        getElement().setAttribute("filters-open", open);
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
    }
}
