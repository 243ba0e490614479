package eu.koopera.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.i18n.LanguagePreference;
import eu.koopera.ui.session.AccessRules;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.Comparator;
import java.util.Locale;

/**
 * The frame of every signed-in page: the association's name, a side menu with only the views the account's roles
 * open, and the user menu with profile, language and logout.
 */
@Prototype
public class MainLayout extends AppLayout {

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
        Nav drawer = new Nav(product, navigation(signedIn));
        drawer.getElement().setAttribute("aria-label", "Koopera");
        addToDrawer(drawer);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, userMenu(signedIn));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("koopera-header");
        Header banner = new Header(header);
        banner.setWidthFull();
        addToNavbar(banner);
    }

    /** Each view is the page's main landmark, so that screen-reader users can jump to it. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    /**
     * The side menu: every route whose view declares {@link Menu}, in its order, that the account may open. A new
     * capability adds views with their own declarations; nothing here names them.
     */
    private SideNav navigation(SignedIn signedIn) {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        routes.getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget)
                .filter(view -> view.isAnnotationPresent(Menu.class) && rules.mayOpen(signedIn, view))
                .distinct()
                .sorted(Comparator.comparingDouble(view -> view.getAnnotation(Menu.class).order()))
                .forEach(view -> {
                    Menu menu = view.getAnnotation(Menu.class);
                    SideNavItem item = new SideNavItem(getTranslation(menu.title()), routes.getUrl(view), icon(menu));
                    nav.addItem(item);
                });
        return nav;
    }

    private static Icon icon(Menu menu) {
        String[] parts = menu.icon().split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon("vaadin", "circle-thin");
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
        sub.addItem(getTranslation("nav.profile"), click -> getUI().ifPresent(ui -> ui.navigate("profile")));
        SubMenu language = sub.addItem(getTranslation("user.language")).getSubMenu();
        for (Locale locale : KooperaI18n.LOCALES) {
            MenuItem item = language.addItem(getTranslation("language." + locale.getLanguage()),
                    click -> languages.change(locale));
            item.setId("language-" + locale.getLanguage());
        }
        sub.addItem(getTranslation("nav.account"), click -> getUI().ifPresent(ui -> ui.navigate("account")))
                .setId("user-account");
        sub.addItem(getTranslation("user.logout"), click -> sessions.signOut()).setId("logout");
        return menu;
    }
}
