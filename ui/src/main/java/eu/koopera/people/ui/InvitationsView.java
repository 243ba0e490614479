package eu.koopera.people.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.people.InvitationResponse;
import eu.koopera.people.InvitationService;
import eu.koopera.people.InvitationStatus;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The association's invitations, newest first, filtered by status; pending ones can be resent or revoked. */
@Menu(title = "nav.invitations", order = 50, icon = "vaadin:envelope")
@Route(value = "invitations", layout = MainLayout.class)
@AllowedRoles(Roles.ASSOCIATION_ADMIN)
@Prototype
public class InvitationsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final InvitationService invitations;
    private final Grid<InvitationResponse> grid = new Grid<>(InvitationResponse.class, false);
    private final Select<InvitationStatus> status = new Select<>();
    private final Span total = new Span();
    private boolean restoring;

    public InvitationsView(InvitationService invitations) {
        this.invitations = invitations;
        setSizeFull();
        FilterFields.oneOrAll(status, "invitations.status", "invitation-status", List.of(InvitationStatus.values()),
                value -> getTranslation("invitations.status." + value), this::refresh);
        configureGrid();
        total.setId("invitations-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("invitations.title")),
                new FilterBar("invitations-bar", null, List.of(status), List.of()), total, grid);
    }

    /** The status filter comes from the address, so that reload and bookmarks keep it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        restoring = true;
        try {
            status.setValue(AddressState.constant(event.getLocation().getQueryParameters(), "status",
                    InvitationStatus.class).orElse(null));
        } finally {
            restoring = false;
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        if (!restoring) {
            AddressState.remember(this, "invitations",
                    status.getValue() == null ? Map.of() : Map.of("status", status.getValue().name()));
        }
    }

    private void configureGrid() {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        grid.setId("invitations");
        grid.addColumn(InvitationResponse::personName).setHeader(getTranslation("invitations.person"))
                .setKey("person").setWidth("10rem").setFlexGrow(3);
        Grid.Column<InvitationResponse> email = grid.addColumn(InvitationResponse::email)
                .setHeader(getTranslation("people.email")).setKey("email")
                .setAutoWidth(true);
        Grid.Column<InvitationResponse> roles = grid.addColumn(invitation -> invitation.roles().stream()
                        .map(role -> getTranslation("role." + role))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("invitations.roles")).setKey("roles")
                .setAutoWidth(true);
        grid.addColumn(invitation -> getTranslation("invitations.status." + invitation.status()))
                .setHeader(getTranslation("invitations.status")).setKey("status").setAutoWidth(true);
        Grid.Column<InvitationResponse> expires = grid.addColumn(invitation -> format(dates,
                        invitation.expiresAt()))
                .setHeader(getTranslation("invitations.expires")).setKey("expires").setAutoWidth(true);
        Grid.Column<InvitationResponse> created = grid.addColumn(invitation -> invitation.createdBy() + ", "
                        + format(dates, invitation.createdAt()))
                .setHeader(getTranslation("invitations.created")).setKey("created").setAutoWidth(true);
        Grid.Column<InvitationResponse> accepted = grid.addColumn(invitation -> format(dates,
                        invitation.acceptedAt()))
                .setHeader(getTranslation("invitations.accepted")).setKey("accepted").setAutoWidth(true);
        grid.addColumn(actions()).setHeader(getTranslation("common.actions")).setKey("actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        // on a phone: the person, the status and the actions
        NarrowScreens.hideOnPhone(grid, List.of(email, roles, expires, created, accepted));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("invitations.empty"));
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> invitations.list(status.getValue(), query.getPage(),
                        query.getPageSize()).items().stream(),
                query -> {
                    int count = (int) invitations.list(status.getValue(), 0, 1).total();
                    total.setText(getTranslation("invitations.total", count));
                    return count;
                });
    }

    /** Resend and revoke, rendered in the browser and shown only where the service would allow them. */
    private LitRenderer<InvitationResponse> actions() {
        return LitRenderer.<InvitationResponse>of("""
                        <vaadin-button theme="tertiary-inline" ?hidden="${!item.resendable}" \
                        @click="${resend}">${item.resendLabel}</vaadin-button>
                        <vaadin-button theme="tertiary-inline error" ?hidden="${!item.revocable}" \
                        @click="${revoke}">${item.revokeLabel}</vaadin-button>""")
                .withProperty("resendLabel", invitation -> getTranslation("invitations.resend"))
                .withProperty("revokeLabel", invitation -> getTranslation("invitations.revoke"))
                .withProperty("resendable", invitation -> invitation.status() == InvitationStatus.PENDING
                        || invitation.status() == InvitationStatus.EXPIRED)
                .withProperty("revocable", invitation -> invitation.status() == InvitationStatus.PENDING)
                .withFunction("resend", invitation -> act(() -> invitations.resend(invitation.id()),
                        "invitations.resent"))
                .withFunction("revoke", this::confirmRevoke);
    }

    private void confirmRevoke(InvitationResponse invitation) {
        ConfirmDialog confirm = ComponentTexts.dangerousConfirm(this,
                getTranslation("invitations.revoke.title", invitation.personName()),
                getTranslation("invitations.revoke.text"), getTranslation("invitations.revoke"));
        confirm.setId("confirm-revoke");
        confirm.addConfirmListener(event -> act(() -> invitations.revoke(invitation.id()), "invitations.revoked"));
        confirm.open();
    }

    private void act(Supplier<InvitationResponse> work, String doneKey) {
        try {
            InvitationResponse done = work.get();
            Notification.show(getTranslation(doneKey, done.personName(), done.email()));
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
        grid.getDataProvider().refreshAll();
    }

    private static String format(DateTimeFormatter dates, Instant instant) {
        return instant == null ? "—" : dates.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitations.title") + " · Koopera";
    }
}
