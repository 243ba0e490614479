package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.partnerships.AgreementService;
import eu.koopera.partnerships.ConfirmationResponse;
import eu.koopera.partnerships.ConfirmationStatus;
import eu.koopera.partnerships.PartyResponse;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AddressState;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.forms.FilterFields;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agreements of other associations that name the association's members, pending or confirmed; an administrator
 * confirms one, after which it is among the association's agreements.
 */
@Menu(title = "nav.agreementConfirmations", order = 38, icon = "vaadin:check-square-o")
@Route(value = "partnerships/confirmations", layout = MainLayout.class)
@AllowedRoles(Roles.ASSOCIATION_ADMIN)
@Prototype
public class ConfirmationsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AgreementService agreements;
    private final Grid<ConfirmationResponse> grid = new Grid<>();
    private final Select<ConfirmationStatus> status = new Select<>();
    private final Span total = new Span();
    private boolean restoring;

    public ConfirmationsView(AgreementService agreements) {
        this.agreements = agreements;
        setSizeFull();
        FilterFields.oneOrAll(status, "partnerships.confirmation", "confirmation-status-filter",
                List.of(ConfirmationStatus.values()),
                value -> getTranslation("partnerships.confirmation." + value), this::refresh);
        grid.setId("agreement-confirmations");
        grid.addColumn(confirmation -> getTranslation("partnerships.type." + confirmation.type()))
                .setHeader(getTranslation("partnerships.type")).setAutoWidth(true);
        grid.addColumn(LitRenderer.<ConfirmationResponse>of(
                        "<a router-link href=\"partnerships/${item.id}\">${item.title}</a>")
                        .withProperty("id", confirmation -> confirmation.agreementId().toString())
                        .withProperty("title", confirmation -> AgreementTexts.inLanguage(confirmation.title(),
                                getLocale())))
                .setHeader(getTranslation("partnerships.agreementTitle")).setFlexGrow(3);
        Grid.Column<ConfirmationResponse> owner = grid.addColumn(ConfirmationResponse::owner)
                .setHeader(getTranslation("partnerships.owner")).setAutoWidth(true);
        Grid.Column<ConfirmationResponse> named = grid.addColumn(confirmation -> confirmation.members().stream()
                        .map(PartyResponse::label).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("partnerships.confirmation.members")).setFlexGrow(2);
        grid.addColumn(confirmation -> getTranslation("partnerships.confirmation." + confirmation.status()))
                .setHeader(getTranslation("partnerships.confirmation")).setAutoWidth(true);
        grid.addComponentColumn(confirmation -> {
            if (confirmation.status() == ConfirmationStatus.CONFIRMED) {
                return new Span();
            }
            Button confirm = new Button(getTranslation("partnerships.confirm"), click -> confirm(confirmation));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            confirm.setId("confirm-" + confirmation.agreementId());
            return confirm;
        }).setAutoWidth(true).setFlexGrow(0);
        NarrowScreens.hideOnPhone(grid, List.of(owner, named));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("partnerships.confirmations.empty"));
        grid.setSizeFull();
        total.setId("confirmations-total");
        total.addClassName("koopera-total");
        add(new H1(getTranslation("partnerships.confirmations")),
                new Paragraph(getTranslation("partnerships.confirmations.help")),
                new FilterBar("confirmations-bar", null, List.of(status), List.of()), total, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        restoring = true;
        try {
            status.setValue(AddressState.constant(event.getLocation().getQueryParameters(), "status",
                    ConfirmationStatus.class).orElse(null));
        } finally {
            restoring = false;
        }
        load();
    }

    private void refresh() {
        load();
        if (restoring) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name());
        }
        AddressState.remember(this, "partnerships/confirmations", parameters);
    }

    private void load() {
        List<ConfirmationResponse> items = agreements.confirmations(status.getValue());
        grid.setItems(items);
        total.setText(getTranslation("partnerships.confirmations.total", items.size()));
    }

    private void confirm(ConfirmationResponse confirmation) {
        try {
            agreements.confirm(confirmation.agreementId());
            Notification.show(getTranslation("partnerships.confirmed",
                    AgreementTexts.inLanguage(confirmation.title(), getLocale())));
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partnerships.confirmations") + " · Koopera";
    }
}
