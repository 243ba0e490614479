package eu.koopera.networks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import eu.koopera.networks.ActivityResponse;
import eu.koopera.networks.ActivityService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.ParticipationService;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The network's pilot activities, each with its goal, responsible municipality, plan, result and milestones
 * (overdue ones marked); the network's managers add and edit them, everyone else taking part reads them.
 */
class ActivitiesTab extends VerticalLayout {

    private final NetworkResponse network;
    private final ActivityService activities;
    private final ParticipationService participation;
    private final NetworkView.Access access;
    private final Div list = new Div();

    ActivitiesTab(NetworkResponse network, ActivityService activities, ParticipationService participation,
                  NetworkView.Access access) {
        this.network = network;
        this.activities = activities;
        this.participation = participation;
        this.access = access;
        setPadding(false);
        Button create = new Button(getTranslation("network.activity.create"), VaadinIcon.PLUS.create(),
                click -> open(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-activity");
        create.setVisible(access.manages());
        list.setId("activities");
        list.setWidthFull();
        add(create, list);
        refresh();
    }

    private void open(ActivityResponse activity) {
        new ActivityDialog(network, activity, participation.participants(network.id()), activities,
                saved -> refresh()).open();
    }

    private void refresh() {
        list.removeAll();
        var all = activities.list(network.id());
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("network.activity.none")));
        }
        all.forEach(activity -> list.add(card(activity)));
    }

    private Component card(ActivityResponse activity) {
        Div card = new Div(new H3(activity.goal()));
        card.addClassName("koopera-card");
        card.setId("activity-" + activity.id());
        card.add(line("network.activity.responsible",
                activity.responsibleMemberName() + " (" + activity.responsibleTenant() + ")"));
        if (activity.plan() != null) {
            card.add(line("network.activity.plan", activity.plan()));
        }
        if (activity.resultSummary() != null) {
            card.add(line("network.activity.result", activity.resultSummary()));
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        UnorderedList milestones = new UnorderedList();
        for (ActivityResponse.Milestone milestone : activity.milestones()) {
            ListItem item = new ListItem(new Span(milestone.title() + " · " + dates.format(milestone.dueOn()) + " · "
                    + getTranslation("network.milestone.status." + milestone.status())));
            if (milestone.overdue()) {
                item.add(overdueBadge(this));
            }
            milestones.add(item);
        }
        if (!activity.milestones().isEmpty()) {
            card.add(new Paragraph(getTranslation("network.activity.milestones")), milestones);
        }
        if (access.manages()) {
            Button edit = new Button(getTranslation("common.edit"), VaadinIcon.EDIT.create(), click -> open(activity));
            edit.setId("edit-activity");
            card.add(edit);
        }
        return card;
    }

    /** The mark of a milestone past its date and neither done nor cancelled. */
    static Span overdueBadge(Component context) {
        Span badge = new Span(context.getTranslation("network.milestone.overdue"));
        badge.getElement().getThemeList().add("badge error small");
        badge.addClassName("overdue");
        return badge;
    }

    private Paragraph line(String labelKey, String value) {
        return new Paragraph(getTranslation(labelKey) + ": " + value);
    }
}
