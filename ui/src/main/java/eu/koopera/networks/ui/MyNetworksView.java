package eu.koopera.networks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.ApplicationResponse;
import eu.koopera.networks.ApplicationStatus;
import eu.koopera.networks.CalendarFeedService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.networks.ParticipationService;
import eu.koopera.networks.PilotApplicationService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Value;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * The member portal's "My networks": the networks the user's association takes part in, whether each takes
 * applications, the applications of the user's own municipality, applying while a network is open for them, and the user's
 * personal calendar subscription to the networks' meetings.
 */
@Menu(title = "nav.myNetworks", order = 12, icon = "vaadin:connect-o")
@Route(value = "my-networks", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MyNetworksView extends VerticalLayout implements HasDynamicTitle {

    /** How many networks the page shows; an association takes part in a handful. */
    private static final int SHOWN = 100;

    private final NetworkService networks;
    private final ParticipationService participation;
    private final PilotApplicationService applications;
    private final CommandValidation validation;
    private final Caller caller;
    private final MemberResponse municipality;
    private final Div list = new Div();

    public MyNetworksView(NetworkService networks, ParticipationService participation,
                          PilotApplicationService applications, PeopleService people, CommandValidation validation,
                          CalendarFeedService feeds, UiSessions sessions,
                          @Value("${koopera.public-url}") String publicUrl) {
        this.networks = networks;
        this.participation = participation;
        this.applications = applications;
        this.validation = validation;
        this.caller = sessions.require().caller();
        this.municipality = people.me().member();
        list.setId("my-networks");
        list.setWidthFull();
        add(new H1(getTranslation("network.mine.title")));
        if (municipality == null) {
            add(new Paragraph(getTranslation("network.mine.noMunicipality")));
        }
        add(list, new CalendarSubscriptionPanel(feeds, publicUrl));
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<NetworkResponse> all = networks.search(null, null, 0, SHOWN).items();
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("network.mine.none")));
        }
        all.forEach(network -> list.add(card(network)));
    }

    private Component card(NetworkResponse network) {
        RouterLink link = new RouterLink(NetworksView.inLanguage(network.name(), getLocale()), NetworkView.class,
                new RouteParameters("id", network.id().toString()));
        Div card = new Div(new H3(link));
        card.addClassName("koopera-card");
        card.setId("my-network-" + network.id());
        card.add(new Paragraph(getTranslation("networks.status") + ": "
                + getTranslation("networks.status." + network.status())));
        Optional<ParticipantResponse> ownPart = municipality == null ? Optional.empty()
                : participation.participants(network.id()).stream()
                .filter(p -> p.tenant().equals(caller.tenantCode()) && p.memberId() == municipality.id())
                .findFirst();
        if (ownPart.isEmpty()) {
            return card;
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Riga"));
        List<ApplicationResponse> own = applications.list(network.id()).stream()
                .filter(a -> a.tenant().equals(caller.tenantCode()) && a.memberId() == municipality.id()).toList();
        card.add(new Paragraph(getTranslation("network.mine.takesPart", ownPart.get().memberName())));
        if (!own.isEmpty()) {
            UnorderedList items = new UnorderedList();
            own.forEach(a -> items.add(new ListItem(getTranslation("network.mine.application",
                    dates.format(a.appliedAt()), getTranslation("network.application.status." + a.status()),
                    a.reason() == null ? "" : a.reason()))));
            card.add(new Paragraph(getTranslation("network.mine.applications")), items);
        }
        boolean open = own.stream().anyMatch(a -> a.status() == ApplicationStatus.OPEN);
        if (network.status() == NetworkStatus.OPEN_FOR_APPLICATIONS && !open) {
            Button apply = new Button(getTranslation("network.apply"), VaadinIcon.FLAG.create(),
                    click -> new ApplyDialog(network.id(), List.of(ownPart.get()), applications, validation,
                            this::refresh).open());
            apply.setId("apply-" + network.id());
            card.add(apply);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("network.mine.title") + " · Koopera";
    }
}
