package eu.koopera.ui.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A grid's filters and order kept in the address's query parameters, so that reload, back and bookmarks keep them:
 * the view reads them in {@code beforeEnter} and writes them back, without a new history entry, on every change.
 */
public final class AddressState {

    private AddressState() {
    }

    /** The first non-blank value of parameter {@code name}. */
    public static Optional<String> first(QueryParameters parameters, String name) {
        return parameters.getParameters().getOrDefault(name, List.of()).stream().filter(value -> !value.isBlank())
                .findFirst();
    }

    /** The parameter as a constant of {@code type}; an unknown value (an old bookmark) counts as none. */
    public static <E extends Enum<E>> Optional<E> constant(QueryParameters parameters, String name, Class<E> type) {
        return first(parameters, name).flatMap(value -> {
            try {
                return Optional.of(Enum.valueOf(type, value));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        });
    }

    /** The parameter as an ISO date; a malformed one counts as none. */
    public static Optional<LocalDate> date(QueryParameters parameters, String name) {
        return first(parameters, name).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException malformed) {
                return Optional.empty();
            }
        });
    }

    /** Replaces the address of {@code view}'s page with {@code route} and {@code parameters}, in their order. */
    public static void remember(Component view, String route, Map<String, String> parameters) {
        view.getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(route, QueryParameters.simple(parameters))));
    }
}
