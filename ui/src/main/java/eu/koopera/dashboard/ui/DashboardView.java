package eu.koopera.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.audit.AuditEntry;
import eu.koopera.dashboard.Dashboard;
import eu.koopera.dashboard.DashboardService;
import eu.koopera.members.MembershipStatus;
import eu.koopera.partnerships.AgreementAttention;
import eu.koopera.platform.security.Roles;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import io.micronaut.context.annotation.Prototype;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The association administrator's start page: members by status, people still without an account, invitations
 * waiting or about to expire, undelivered mail and the latest changes, each leading to the page where it is dealt
 * with. Numbers that need action are marked so.
 */
@Menu(title = "nav.dashboard", order = 9, icon = "vaadin:dashboard")
@Route(value = "dashboard", layout = MainLayout.class)
@AllowedRoles(Roles.ASSOCIATION_ADMIN)
@Prototype
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Riga");
    /** The agreement page's address, which the review reminders link to as well. */
    private static final String AGREEMENT_ROUTE = "partnerships/";

    public DashboardView(DashboardService service) {
        Dashboard dashboard = service.dashboard();
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        add(new H1(getTranslation("dashboard.title")));

        Div members = card("dashboard-members", "dashboard.members", "members");
        members.add(figure(numbers.format(dashboard.members()), "dashboard.members.total", false));
        UnorderedList byStatus = new UnorderedList();
        for (MembershipStatus status : MembershipStatus.values()) {
            byStatus.add(new ListItem(getTranslation("members.status." + status) + ": "
                    + numbers.format(dashboard.membersByStatus().getOrDefault(status, 0))));
        }
        members.add(byStatus);

        Div people = card("dashboard-people", "dashboard.people", "people");
        people.add(figure(numbers.format(dashboard.peopleWithoutAccount()), "dashboard.people.withoutAccount",
                false));

        Div invitations = card("dashboard-invitations", "dashboard.invitations", "invitations");
        invitations.add(figure(numbers.format(dashboard.invitations().pending()), "dashboard.invitations.pending",
                false));
        invitations.add(figure(numbers.format(dashboard.invitations().expiringSoon()),
                "dashboard.invitations.expiring", dashboard.invitations().expiringSoon() > 0));

        Div mail = card("dashboard-mail", "dashboard.mail", null);
        mail.add(figure(numbers.format(dashboard.failedMail()), "dashboard.mail.failed", dashboard.failedMail() > 0));
        if (dashboard.failedMail() > 0) {
            mail.add(new Paragraph(getTranslation("dashboard.mail.failedHelp")));
        }

        FlexLayout cards = new FlexLayout(members, people, invitations, mail, agreements(dashboard));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("koopera-cards");
        cards.setWidthFull();
        add(cards, recentChanges(dashboard));
    }

    /** Agreements in force that end soon, and those due for review, each linking to its page. */
    private Div agreements(Dashboard dashboard) {
        Div card = card("dashboard-agreements", "dashboard.agreements", "partnerships");
        AgreementAttention attention = dashboard.agreements();
        if (attention.expiring().isEmpty() && attention.reviewsDue().isEmpty()) {
            card.add(new Paragraph(getTranslation("dashboard.agreements.none")));
            return card;
        }
        addDue(card, "dashboard-agreements-expiring", "dashboard.agreements.expiring", attention.expiring());
        addDue(card, "dashboard-agreements-reviews", "dashboard.agreements.reviewsDue", attention.reviewsDue());
        return card;
    }

    private void addDue(Div card, String id, String labelKey, List<AgreementAttention.Due> due) {
        if (due.isEmpty()) {
            return;
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        UnorderedList list = new UnorderedList();
        list.setId(id);
        for (AgreementAttention.Due agreement : due) {
            Anchor link = new Anchor();
            link.setHref(AGREEMENT_ROUTE + agreement.id());
            link.setText(agreement.title().in(getLocale().getLanguage()));
            list.add(new ListItem(link, new Span(" · " + dates.format(agreement.date()))));
        }
        card.add(figure(NumberFormat.getIntegerInstance(getLocale()).format(due.size()), labelKey, true), list);
    }

    private Component recentChanges(Dashboard dashboard) {
        Div section = card("dashboard-changes", "dashboard.changes", "audit");
        if (dashboard.recentChanges().isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.changes.none")));
            return section;
        }
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZONE);
        UnorderedList list = new UnorderedList();
        for (AuditEntry entry : dashboard.recentChanges()) {
            list.add(new ListItem(times.format(entry.occurredAt()) + " · " + entry.actor() + " · "
                    + getTranslation("audit.action." + entry.action()) + " · "
                    + getTranslation("audit.entity." + entry.entityType())));
        }
        section.add(list);
        return section;
    }

    private Div card(String id, String titleKey, String route) {
        Div card = new Div(new H2(getTranslation(titleKey)));
        card.setId(id);
        card.addClassName("koopera-card");
        if (route != null) {
            card.add(new Anchor(route, getTranslation(titleKey + ".open")));
        }
        return card;
    }

    private Paragraph figure(String value, String labelKey, boolean needsAction) {
        Span number = new Span(value);
        number.addClassName("koopera-figure");
        if (needsAction) {
            number.addClassName("koopera-figure-alert");
        }
        return new Paragraph(number, new Span(" " + getTranslation(labelKey)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · Koopera";
    }
}
