package eu.koopera.ui.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

/** The member portal's start page: the user's association and organisation, and what the portal will offer. */
@Route(value = "portal", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    public MemberHomeView(UiSessions sessions) {
        SignedIn signedIn = sessions.require();
        add(new H2(getTranslation("portal.welcome", signedIn.caller().username())));
        add(new Paragraph(getTranslation("portal.association", signedIn.tenantName())));
        FlexLayout cards = new FlexLayout(card("portal.networks"), card("portal.visits"),
                card("portal.benchlearning"), card("portal.partnerships"));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("koopera-cards");
        add(cards);
    }

    private Div card(String key) {
        Div card = new Div(new H3(getTranslation(key)), new Paragraph(getTranslation(key + ".soon")));
        card.addClassName("koopera-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · Koopera";
    }
}
