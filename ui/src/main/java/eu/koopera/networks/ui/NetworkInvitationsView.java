package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.AcceptInvitationCommand;
import eu.koopera.networks.InvitationStatus;
import eu.koopera.networks.NetworkInvitationResponse;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.ParticipationService;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;

/**
 * Invitations of the association to other associations' networks: its administrators accept one, choosing which
 * member municipalities take part, or decline it.
 */
@Menu(title = "nav.networkInvitations", order = 36, icon = "vaadin:handshake")
@Route(value = "network-invitations", layout = MainLayout.class)
@AllowedRoles(Roles.ASSOCIATION_ADMIN)
@Prototype
public class NetworkInvitationsView extends VerticalLayout implements HasDynamicTitle {

    /** Members offered in the picker; an association has far fewer municipalities than this. */
    private static final int MEMBERS_OFFERED = 1000;

    private final ParticipationService participation;
    private final MemberService members;
    private final Grid<NetworkInvitationResponse> grid = new Grid<>(NetworkInvitationResponse.class, false);

    public NetworkInvitationsView(ParticipationService participation, MemberService members) {
        this.participation = participation;
        this.members = members;
        setSizeFull();
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        grid.setId("network-invitations");
        grid.addColumn(invitation -> NetworksView.inLanguage(invitation.networkName(), getLocale()))
                .setHeader(getTranslation("networks.name")).setFlexGrow(3);
        grid.addColumn(NetworkInvitationResponse::owner).setHeader(getTranslation("networks.owner"))
                .setAutoWidth(true);
        grid.addColumn(NetworkInvitationResponse::invitedBy).setHeader(getTranslation("network.invitedBy"))
                .setAutoWidth(true);
        grid.addColumn(invitation -> times.format(invitation.invitedAt()))
                .setHeader(getTranslation("network.invitedAt")).setAutoWidth(true);
        grid.addColumn(LitRenderer.<NetworkInvitationResponse>of("""
                        <vaadin-button theme="tertiary-inline" @click="${accept}">${item.acceptLabel}</vaadin-button>
                        <vaadin-button theme="tertiary-inline error" @click="${decline}">${item.declineLabel}\
                        </vaadin-button>""")
                        .withProperty("acceptLabel", invitation -> getTranslation("network.invitation.accept"))
                        .withProperty("declineLabel", invitation -> getTranslation("network.invitation.decline"))
                        .withFunction("accept", this::accept)
                        .withFunction("decline", this::confirmDecline))
                .setHeader(getTranslation("common.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(new H1(getTranslation("network.invitations.title")),
                new Paragraph(getTranslation("network.invitations.help")), grid);
        refresh();
    }

    private void accept(NetworkInvitationResponse invitation) {
        String name = NetworksView.inLanguage(invitation.networkName(), getLocale());
        Dialog dialog = new Dialog(getTranslation("network.invitation.accept.title", name));
        dialog.setWidth("min(40rem, 100vw)");
        MultiSelectComboBox<MemberResponse> chosen = new MultiSelectComboBox<>(
                getTranslation("network.invitation.members"));
        chosen.setId("invitation-members");
        chosen.setWidthFull();
        chosen.setItemLabelGenerator(member -> member.name() + " (" + member.code() + ")");
        chosen.setItems(members.search(MemberSearch.all(), 0, MEMBERS_OFFERED).items());
        dialog.add(chosen);
        Button confirm = new Button(getTranslation("network.invitation.accept"), click -> {
            try {
                NetworkResponse joined = participation.accept(invitation.id(), new AcceptInvitationCommand(
                        chosen.getValue().stream().sorted(Comparator.comparing(MemberResponse::name))
                                .map(MemberResponse::id).toList()));
                dialog.close();
                Notification.show(getTranslation("network.invitation.accepted", name));
                getUI().ifPresent(ui -> ui.navigate(NetworkView.class,
                        new RouteParameters("id", joined.id().toString())));
            } catch (ApiException e) {
                dialog.close();
                Refusals.notify(this, e, getTranslation("network.invitation.notPending"));
                refresh();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("accept-network-invitation");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void confirmDecline(NetworkInvitationResponse invitation) {
        ConfirmDialog confirm = ComponentTexts.dangerousConfirm(this,
                getTranslation("network.invitation.decline.title",
                NetworksView.inLanguage(invitation.networkName(), getLocale())),
                getTranslation("network.invitation.decline.text"), getTranslation("network.invitation.decline"));
        confirm.setId("confirm-decline");
        confirm.addConfirmListener(event -> {
            try {
                participation.decline(invitation.id());
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation("network.invitation.notPending"));
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(participation.received().stream()
                .filter(invitation -> invitation.status() == InvitationStatus.PENDING).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("network.invitations.title") + " · Koopera";
    }
}
