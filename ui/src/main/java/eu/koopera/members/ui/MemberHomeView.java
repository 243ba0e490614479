package eu.koopera.members.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
 * The member portal's start page: the user's name and association and their own member organisation (through the
 * person their account is linked to). Only real content: each feature adds its own pages to the menu.
 */
@Menu(title = "nav.home", order = 10, icon = "vaadin:home")
@Route(value = "portal", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    public MemberHomeView(UiSessions sessions, PeopleService people) {
        SignedIn signedIn = sessions.require();
        MeResponse me = people.me();
        add(new H1(getTranslation("portal.welcome", displayName(me, signedIn))));
        add(new Paragraph(getTranslation("portal.association", signedIn.tenantName())));
        if (me.member() == null) {
            add(new Paragraph(getTranslation("portal.organisation.none")));
        } else {
            add(organisation(me.member()));
        }
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

    /** The person's name when the account is linked to one, else the account's display name or user name. */
    private static String displayName(MeResponse me, SignedIn signedIn) {
        if (me.person() != null) {
            return me.person().firstName() + " " + me.person().lastName();
        }
        if (me.user() != null && me.user().displayName() != null && !me.user().displayName().isBlank()) {
            return me.user().displayName();
        }
        return signedIn.caller().username();
    }

    private Paragraph line(String labelKey, String value) {
        return new Paragraph(getTranslation(labelKey) + ": " + value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · Koopera";
    }
}
