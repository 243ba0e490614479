package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.platform.web.ApiException;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The networks and events of the association an agreement may be linked to: choices for the dialog, and the
 * linked ones by name for the agreement's page (those the reader's association cannot see are left out).
 */
@Prototype
public class AgreementLinks {

    /** How many networks and events the choices offer; an association has a few dozen. */
    private static final int OFFERED = 200;

    private final NetworkService networks;
    private final EventService events;

    public AgreementLinks(NetworkService networks, EventService events) {
        this.networks = networks;
        this.events = events;
    }

    MultiSelectComboBox<NetworkResponse> networkChoice(Component context, List<UUID> selected) {
        MultiSelectComboBox<NetworkResponse> choice = new MultiSelectComboBox<>(
                context.getTranslation("partnerships.networks"));
        choice.setId("agreement-networks");
        List<NetworkResponse> offered = networks.search(null, null, 0, OFFERED).items();
        choice.setItems(offered);
        choice.setItemLabelGenerator(network -> AgreementTexts.inLanguage(network.name(), AgreementTexts.locale()));
        choice.select(offered.stream().filter(network -> selected.contains(network.id())).toList());
        return choice;
    }

    MultiSelectComboBox<EventResponse> eventChoice(Component context, List<UUID> selected) {
        MultiSelectComboBox<EventResponse> choice = new MultiSelectComboBox<>(
                context.getTranslation("partnerships.events"));
        choice.setId("agreement-events");
        List<EventResponse> offered = events.search(null, null, null, 0, OFFERED).items();
        choice.setItems(offered);
        choice.setItemLabelGenerator(event -> AgreementTexts.inLanguage(event.title(), AgreementTexts.locale()));
        choice.select(offered.stream().filter(event -> selected.contains(event.id())).toList());
        return choice;
    }

    /** The linked networks the reader may see. */
    List<NetworkResponse> networks(List<UUID> ids) {
        List<NetworkResponse> found = new ArrayList<>();
        ids.forEach(id -> visible(() -> networks.get(id)).ifPresent(found::add));
        return found;
    }

    /** The linked events the reader may see. */
    List<EventResponse> events(List<UUID> ids) {
        List<EventResponse> found = new ArrayList<>();
        ids.forEach(id -> visible(() -> events.get(id)).ifPresent(found::add));
        return found;
    }

    private static <T> Optional<T> visible(java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (ApiException.NotFound | ApiException.Forbidden e) {
            return Optional.empty(); // a link the reader's association cannot follow is not shown
        }
    }
}
