package eu.koopera.members.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.members.MemberImportService;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

/** The member import wizard on a page of its own, for a link or a bookmark. */
@Route(value = "members/import", layout = MainLayout.class)
@AllowedRoles(Roles.ASSOCIATION_ADMIN)
@Prototype
public class MemberImportView extends VerticalLayout implements HasDynamicTitle {

    public MemberImportView(MemberImportService imports) {
        add(new H1(getTranslation("import.title")), new MemberImportWizard(imports, () -> { }),
                new RouterLink(getTranslation("import.back"), MembersView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · Koopera";
    }
}
