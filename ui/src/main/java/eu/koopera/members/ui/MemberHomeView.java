package eu.koopera.members.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.members.MemberResponse;
import eu.koopera.people.MeResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.text.NumberFormat;

/**
 * The member portal's start page: the user's association, their own member organisation (through the person their
 * account is linked to), and what the portal will offer.
 */
@Menu(title = "nav.home", order = 10, icon = "vaadin:home")
@Route(value = "portal", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    public MemberHomeView(UiSessions sessions, PeopleService people) {
        SignedIn signedIn = sessions.require();
        add(new H2(getTranslation("portal.welcome", signedIn.caller().username())));
        add(new Paragraph(getTranslation("portal.association", signedIn.tenantName())));
        MeResponse me = people.me();
        if (me.member() == null) {
            add(new Paragraph(getTranslation("portal.organisation.none")));
        } else {
            add(organisation(me.member()));
        }
        FlexLayout cards = new FlexLayout(card("portal.networks"), card("portal.visits"),
                card("portal.benchlearning"), card("portal.partnerships"));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("koopera-cards");
        add(cards);
    }

    /** The user's own member organisation, as the register has it. */
    private Div organisation(MemberResponse member) {
        Div card = new Div(new H3(member.name()));
        card.setId("own-organisation");
        card.addClassName("koopera-card");
        card.add(line("members.code", member.code()));
        if (member.kind() != null) {
            card.add(line("members.kind", getTranslation("members.kind." + member.kind())));
        }
        if (member.region() != null) {
            card.add(line("members.region", member.region()));
        }
        if (member.population() != null) {
            card.add(line("members.population", NumberFormat.getIntegerInstance(getLocale())
                    .format(member.population())));
        }
        if (member.website() != null) {
            Anchor website = new Anchor(member.website(), member.website(), AnchorTarget.BLANK);
            card.add(new Paragraph(new Span(getTranslation("members.website") + ": "), website));
        }
        return card;
    }

    private Paragraph line(String labelKey, String value) {
        return new Paragraph(getTranslation(labelKey) + ": " + value);
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
