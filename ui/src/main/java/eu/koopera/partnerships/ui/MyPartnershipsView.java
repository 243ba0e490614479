package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.members.MemberResponse;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.AgreementService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.forms.NarrowScreens;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.util.List;

/**
 * The member portal's "Our partnerships": the agreements of the association in which the user's own municipality is
 * a party, read-only, each leading to its page. Any user of the association may read its agreements (as the API
 * allows); this page narrows them to the user's organisation.
 */
@Menu(title = "nav.myPartnerships", order = 13, icon = "vaadin:handshake")
@Route(value = "my-partnerships", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MyPartnershipsView extends VerticalLayout implements HasDynamicTitle {

    public MyPartnershipsView(AgreementService agreements, PeopleService people) {
        setSizeFull();
        add(new H1(getTranslation("partnerships.mine.title")));
        MemberResponse municipality = people.me().member();
        if (municipality == null) {
            add(new Paragraph(getTranslation("partnerships.mine.noMunicipality")));
            return;
        }
        add(new Paragraph(getTranslation("partnerships.mine.intro", municipality.name())));
        Grid<AgreementResponse> grid = new Grid<>(AgreementResponse.class, false);
        grid.setId("my-partnerships");
        grid.addColumn(agreement -> getTranslation("partnerships.type." + agreement.type()))
                .setHeader(getTranslation("partnerships.type")).setAutoWidth(true);
        grid.addColumn(AgreementsView.titleLink(getLocale()))
                .setHeader(getTranslation("partnerships.agreementTitle")).setFlexGrow(3);
        Grid.Column<AgreementResponse> parties = grid.addColumn(AgreementTexts::parties)
                .setHeader(getTranslation("partnerships.parties")).setFlexGrow(2);
        grid.addColumn(agreement -> getTranslation("partnerships.status." + agreement.status()))
                .setHeader(getTranslation("partnerships.status")).setAutoWidth(true);
        Grid.Column<AgreementResponse> period = grid.addColumn(agreement -> AgreementTexts.period(this, agreement))
                .setHeader(getTranslation("partnerships.period")).setAutoWidth(true);
        NarrowScreens.hideOnPhone(grid, List.of(parties, period));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("partnerships.mine.empty"));
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.setItems(query -> agreements.search(null, null, municipality.id(), query.getPage(),
                query.getPageSize()).items().stream(),
                query -> agreements.search(null, null, municipality.id(), 0, 1).total());
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partnerships.mine.title") + " · Koopera";
    }
}
