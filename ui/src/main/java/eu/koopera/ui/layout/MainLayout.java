package eu.koopera.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;
import eu.koopera.audit.ui.AuditView;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.i18n.LanguagePreference;
import eu.koopera.ui.mail.MailOutboxView;
import eu.koopera.members.ui.MembersView;
import eu.koopera.people.ui.InvitationsView;
import eu.koopera.people.ui.PeopleView;
import eu.koopera.members.ui.MemberHomeView;
import eu.koopera.people.ui.ProfileView;
import eu.koopera.ui.session.AccessRules;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.session.UiSessions;
import eu.koopera.associations.ui.TenantsView;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.Locale;

/**
 * The frame of every signed-in page: the association's name, a side menu with only the views the account's roles
 * open, and the user menu with profile, language and logout.
 */
@Prototype
public class MainLayout extends AppLayout {

    private static final List<Destination> DESTINATIONS = List.of(
            new Destination(MemberHomeView.class, "nav.home", VaadinIcon.HOME),
            new Destination(TenantsView.class, "nav.tenants", VaadinIcon.BUILDING),
            new Destination(MembersView.class, "nav.members", VaadinIcon.USERS),
            new Destination(PeopleView.class, "nav.people", VaadinIcon.USER_CARD),
            new Destination(InvitationsView.class, "nav.invitations", VaadinIcon.ENVELOPE),
            new Destination(AuditView.class, "nav.audit", VaadinIcon.CLIPBOARD_TEXT),
            new Destination(MailOutboxView.class, "nav.mail", VaadinIcon.ENVELOPES),
            new Destination(ProfileView.class, "nav.profile", VaadinIcon.USER));

    private final UiSessions sessions;
    private final AccessRules rules;
    private final LanguagePreference languages;

    public MainLayout(UiSessions sessions, AccessRules rules, LanguagePreference languages) {
        this.sessions = sessions;
        this.rules = rules;
        this.languages = languages;
        setPrimarySection(Section.DRAWER);
        sessions.current().ifPresent(this::build);
    }

    private void build(SignedIn signedIn) {
        Span title = new Span(signedIn.tenantName() == null ? getTranslation("app.operatorTitle")
                : signedIn.tenantName());
        title.addClassName("koopera-title");
        Span product = new Span("Koopera");
        product.addClassName("koopera-brand");
        addToDrawer(product, navigation(signedIn));

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, userMenu(signedIn));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("koopera-header");
        addToNavbar(header);
    }

    private SideNav navigation(SignedIn signedIn) {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        for (Destination destination : DESTINATIONS) {
            if (rules.mayOpen(signedIn, destination.view())) {
                String path = RouteConfiguration.forSessionScope().getUrl(destination.view());
                nav.addItem(new SideNavItem(getTranslation(destination.labelKey()), path,
                        destination.icon().create()));
            }
        }
        return nav;
    }

    private Component userMenu(SignedIn signedIn) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.getElement().setAttribute("aria-label", getTranslation("user.menu"));
        Avatar avatar = new Avatar(signedIn.caller().username());
        HorizontalLayout who = new HorizontalLayout(avatar, new Span(signedIn.caller().username()));
        who.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        who.setSpacing(true);
        MenuItem root = menu.addItem(who);
        root.setId("user-menu");
        SubMenu sub = root.getSubMenu();
        sub.addItem(getTranslation("nav.profile"), click -> getUI().ifPresent(ui -> ui.navigate(ProfileView.class)));
        SubMenu language = sub.addItem(getTranslation("user.language")).getSubMenu();
        for (Locale locale : KooperaI18n.LOCALES) {
            MenuItem item = language.addItem(getTranslation("language." + locale.getLanguage()),
                    click -> languages.change(locale));
            item.setId("language-" + locale.getLanguage());
        }
        sub.addItem(getTranslation("user.logout"), click -> sessions.signOut()).setId("logout");
        return menu;
    }

    private record Destination(Class<? extends Component> view, String labelKey, VaadinIcon icon) {
    }
}
