package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.members.MemberService;
import eu.koopera.partnerships.AgreementDocumentService;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.AgreementService;
import eu.koopera.partnerships.AgreementType;
import eu.koopera.partnerships.BudgetService;
import eu.koopera.partnerships.CommitteeMeetingService;
import eu.koopera.partnerships.CommitteeService;
import eu.koopera.partnerships.FulfilmentExportService;
import eu.koopera.partnerships.PartyKind;
import eu.koopera.partnerships.PartyResponse;
import eu.koopera.partnerships.PlanService;
import eu.koopera.partnerships.ReviewService;
import eu.koopera.platform.documents.DocumentSettings;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.AccessibleTabs;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.util.Locale;
import java.util.UUID;

/**
 * One agreement on a page (the review reminders link here): its status and period, and tabs for the parties, the
 * forms of cooperation, commitments and fulfilment, reviews, and the plan of a community partnership or the
 * committee of a twinning with its meetings, and the documents (the signed text). The owner's administrators and coordinators change it; everyone else who may read it
 * (members' users, associations named in it) reads it, as the services allow.
 */
@Route(value = "partnerships/:id", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR, Roles.MEMBER})
@Prototype
public class AgreementView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AgreementService agreements;
    private final BudgetService budget;
    private final FulfilmentExportService exports;
    private final ReviewService reviews;
    private final PlanService plans;
    private final CommitteeService committee;
    private final AgreementDocumentService documents;
    private final CommitteeMeetingService meetings;
    private final DocumentSettings documentSettings;
    private final MemberService members;
    private final AgreementLinks links;
    private final CommandValidation validation;
    private final Caller caller;
    private AgreementResponse agreement;

    public AgreementView(AgreementService agreements, BudgetService budget, FulfilmentExportService exports,
                         ReviewService reviews, PlanService plans, CommitteeService committee,
                         AgreementDocumentService documents, CommitteeMeetingService meetings,
                         DocumentSettings documentSettings, MemberService members, AgreementLinks links,
                         CommandValidation validation, UiSessions sessions) {
        this.documents = documents;
        this.meetings = meetings;
        this.documentSettings = documentSettings;
        this.links = links;
        this.agreements = agreements;
        this.budget = budget;
        this.exports = exports;
        this.reviews = reviews;
        this.plans = plans;
        this.committee = committee;
        this.members = members;
        this.validation = validation;
        this.caller = sessions.require().caller();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            agreement = agreements.get(UUID.fromString(event.getRouteParameters().get("id").orElseThrow()));
        } catch (IllegalArgumentException | ApiException.NotFound e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render(0);
    }

    /** Whether the user changes the agreement: its owner's administrators and coordinators. */
    private boolean manages() {
        return agreement.ownedBy(caller.tenantCode())
                && (caller.hasRole(Roles.ASSOCIATION_ADMIN) || caller.hasRole(Roles.NETWORK_COORDINATOR));
    }

    private void render(int tab) {
        removeAll();
        boolean manages = manages();
        Locale locale = getLocale();
        TabSheet tabs = AccessibleTabs.of(new TabSheet());
        tabs.setId("agreement-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("partnerships.tab.parties"), parties());
        tabs.add(getTranslation("partnerships.tab.forms"), forms());
        tabs.add(getTranslation("partnerships.tab.fulfilment"),
                new FulfilmentTab(agreement, budget, exports, validation, manages));
        tabs.add(getTranslation("partnerships.tab.reviews"), new ReviewsTab(agreement, reviews, validation, manages,
                () -> {
                    agreement = agreements.get(agreement.id());
                    render(3);
                }));
        if (agreement.type() == AgreementType.COMMUNITY_PARTNERSHIP) {
            tabs.add(getTranslation("partnerships.tab.plan"), new PlanTab(agreement, plans, validation, manages));
        }
        if (agreement.type() == AgreementType.TWINNING) {
            tabs.add(getTranslation("partnerships.tab.committee"), new VerticalLayout(
                    new CommitteeTab(agreement, committee, validation, manages),
                    new CommitteeMeetingsPanel(agreement.id(), meetings, manages)));
        }
        // last, so that the tabs before it keep their places (render(3) returns to the reviews)
        tabs.add(getTranslation("agreementDocuments.title"), new AgreementDocumentsPanel(agreement.id(), documents,
                manages, documentSettings.maxSize()));
        tabs.setSelectedIndex(tab);

        Span status = new Span(getTranslation("partnerships.status." + agreement.status()));
        status.getElement().getThemeList().add("badge");
        status.setId("agreement-status-badge");
        Span period = new Span(AgreementTexts.period(this, agreement));
        period.setId("agreement-period");
        HorizontalLayout header = new HorizontalLayout(status, period);
        header.setAlignItems(Alignment.BASELINE);
        Button edit = new Button(getTranslation("common.edit"), VaadinIcon.EDIT.create(), click ->
                new AgreementDialog(agreements.get(agreement.id()), agreements, members, links, validation, saved -> {
                    agreement = saved;
                    render(0);
                }).open());
        edit.setId("edit-agreement");
        edit.setVisible(manages);
        header.add(edit);

        FormLayout details = new FormLayout(
                Fields.readOnly(this, "partnerships.type", getTranslation("partnerships.type." + agreement.type())),
                Fields.readOnly(this, "partnerships.signed", signed(locale)),
                Fields.readOnly(this, "partnerships.nextReview", AgreementTexts.date(agreement.nextReviewOn(),
                        locale)),
                Fields.readOnly(this, "partnerships.purpose", AgreementTexts.orNone(agreement.purpose())));
        if (agreement.legalForm() != null) {
            details.add(Fields.readOnly(this, "partnerships.legalForm",
                    getTranslation("partnerships.legalForm." + agreement.legalForm())));
        }
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 4));
        Component linked = linked();
        RouterLink back = manages || caller.hasRole(Roles.ASSOCIATION_ADMIN)
                || caller.hasRole(Roles.NETWORK_COORDINATOR)
                ? new RouterLink(getTranslation("partnerships.back"), AgreementsView.class)
                : new RouterLink(getTranslation("partnerships.mine.back"), MyPartnershipsView.class);
        add(back, new H1(AgreementTexts.title(agreement, locale)), header, details, linked, tabs);
    }

    /** The networks and events the agreement is linked to, as links, where the reader may open them. */
    private Component linked() {
        Div linked = new Div();
        linked.setId("agreement-links");
        links.networks(agreement.networkIds()).forEach(network -> {
            Anchor link = new Anchor();
            link.setHref("networks/" + network.id());
            link.setText(getTranslation("partnerships.linkedNetwork",
                    AgreementTexts.inLanguage(network.name(), getLocale())));
            linked.add(new Paragraph(link));
        });
        links.events(agreement.eventIds()).forEach(event -> {
            Anchor link = new Anchor();
            link.setHref("events/" + event.id());
            link.setText(getTranslation("partnerships.linkedEvent",
                    AgreementTexts.inLanguage(event.title(), getLocale())));
            linked.add(new Paragraph(link));
        });
        return linked;
    }

    private String signed(Locale locale) {
        if (agreement.signedOn() == null && agreement.signedPlace() == null) {
            return AgreementTexts.NONE;
        }
        return AgreementTexts.date(agreement.signedOn(), locale)
                + (agreement.signedPlace() == null ? "" : ", " + agreement.signedPlace());
    }

    private Component parties() {
        Grid<PartyResponse> grid = new Grid<>(PartyResponse.class, false);
        grid.setId("agreement-parties");
        grid.addColumn(PartyResponse::label).setHeader(getTranslation("partnerships.party.name"))
                .setFlexGrow(3);
        grid.addColumn(party -> getTranslation("partnerships.party.type." + party.kind()))
                .setHeader(getTranslation("partnerships.party.kind")).setAutoWidth(true);
        grid.addColumn(this::partyDetail).setHeader(getTranslation("partnerships.party.detail")).setAutoWidth(true);
        grid.addColumn(this::confirmation).setHeader(getTranslation("partnerships.party.confirmation"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setItems(agreement.parties());
        return grid;
    }

    private String partyDetail(PartyResponse party) {
        return switch (party.kind()) {
            case MEMBER -> party.tenant();
            case FOREIGN -> party.foreign().country();
            case ORGANISATION -> AgreementTexts.orNone(party.organisation().registrationNo())
                    + (party.organisation().kind() == null ? "" : " · " + party.organisation().kind());
        };
    }

    /** Whether another association has confirmed; the owner's own members need no confirmation. */
    private String confirmation(PartyResponse party) {
        if (party.kind() != PartyKind.MEMBER || agreement.owner().equals(party.tenant())) {
            return AgreementTexts.NONE;
        }
        return getTranslation(Boolean.TRUE.equals(party.confirmed()) ? "partnerships.confirmation.CONFIRMED"
                : "partnerships.confirmation.PENDING");
    }

    private Component forms() {
        if (agreement.formsOfCooperation().isEmpty()) {
            return new Paragraph(getTranslation("partnerships.forms.none"));
        }
        UnorderedList list = new UnorderedList();
        list.setId("agreement-forms-list");
        agreement.formsOfCooperation().forEach(form ->
                list.add(new ListItem(AgreementTexts.inLanguage(form, getLocale()))));
        return list;
    }

    @Override
    public String getPageTitle() {
        return (agreement == null ? getTranslation("partnerships.title")
                : AgreementTexts.title(agreement, getLocale())) + " · Koopera";
    }
}
