package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.InvitationCommand;
import eu.koopera.networks.NetworkInvitationResponse;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.ParticipantCommand;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.networks.ParticipationService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The municipalities of every association taking part. Users who choose their association's municipalities add and
 * remove their own; the owner's managers invite other associations and follow their invitations.
 */
class ParticipantsTab extends VerticalLayout {

    private final NetworkResponse network;
    private final ParticipationService participation;
    private final NetworkView.Access access;
    private final Grid<ParticipantResponse> grid = new Grid<>(ParticipantResponse.class, false);
    private final Grid<NetworkInvitationResponse> invitations = new Grid<>(NetworkInvitationResponse.class, false);
    private final DateTimeFormatter dates;

    ParticipantsTab(NetworkResponse network, ParticipationService participation, MemberService members,
                    NetworkView.Access access) {
        this.network = network;
        this.participation = participation;
        this.access = access;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Riga"));
        setPadding(false);
        grid.setId("participants");
        grid.addColumn(ParticipantResponse::tenant).setHeader(getTranslation("network.participant.association"))
                .setAutoWidth(true);
        grid.addColumn(ParticipantResponse::memberName).setHeader(getTranslation("network.participant.member"))
                .setFlexGrow(2);
        grid.addColumn(participant -> dates.format(participant.addedAt()))
                .setHeader(getTranslation("network.participant.since")).setAutoWidth(true);
        if (access.choosesOwnMembers()) {
            grid.addColumn(LitRenderer.<ParticipantResponse>of("""
                            <vaadin-button theme="tertiary-inline icon error" ?hidden="${!item.own}" \
                            aria-label="${item.label}" @click="${remove}">\
                            <vaadin-icon icon="vaadin:trash"></vaadin-icon></vaadin-button>""")
                            .withProperty("own", participant -> participant.tenant().equals(
                                    access.caller().tenantCode()))
                            .withProperty("label", participant -> getTranslation("common.delete") + " "
                                    + participant.memberName())
                            .withFunction("remove", this::removeParticipant))
                    .setHeader(getTranslation("common.actions")).setKey("actions").setAutoWidth(true)
                    .setFlexGrow(0);
            add(addition(members));
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(grid);
        if (access.manages()) {
            add(invitation());
        }
        refresh();
    }

    private HorizontalLayout addition(MemberService members) {
        ComboBox<MemberResponse> member = new ComboBox<>(getTranslation("network.participant.add"));
        member.setId("participant-member");
        member.setItemLabelGenerator(found -> found.name() + " (" + found.code() + ")");
        member.setItems(query -> members.search(MemberSearch.text(query.getFilter()
                .filter(text -> !text.isBlank()).map(String::strip).orElse(null)), query.getPage(),
                query.getPageSize()).items().stream());
        Button add = new Button(getTranslation("network.participant.addButton"), VaadinIcon.PLUS.create(), click -> {
            if (member.getValue() == null) {
                return;
            }
            try {
                participation.addParticipant(network.id(), new ParticipantCommand(member.getValue().id()));
                member.clear();
                refresh();
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation("network.participant.already"));
            }
        });
        add.setId("add-participant");
        HorizontalLayout row = new HorizontalLayout(member, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        return row;
    }

    private VerticalLayout invitation() {
        TextField tenant = Fields.text(this, "network.invite.tenant", "invite-tenant");
        Button invite = new Button(getTranslation("network.invite"), VaadinIcon.ENVELOPE.create(), click -> {
            try {
                participation.invite(network.id(), new InvitationCommand(tenant.getValue().strip()));
                Notification.show(getTranslation("network.invited", tenant.getValue().strip()));
                tenant.clear();
                tenant.setInvalid(false);
                refresh();
            } catch (ApiException.BadRequest e) {
                tenant.setErrorMessage(getTranslation("network.invalid.tenant"));
                tenant.setInvalid(true);
            } catch (ApiException e) {
                Refusals.notify(this, e, getTranslation("network.invite.conflict"));
            }
        });
        invite.setId("invite-association");
        HorizontalLayout row = new HorizontalLayout(tenant, invite);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        invitations.setId("sent-invitations");
        invitations.addColumn(NetworkInvitationResponse::tenant)
                .setHeader(getTranslation("network.participant.association"));
        invitations.addColumn(sent -> getTranslation("network.invitation.status." + sent.status()))
                .setHeader(getTranslation("networks.status"));
        invitations.addColumn(sent -> dates.format(sent.invitedAt())).setHeader(getTranslation("network.invitedAt"));
        invitations.setAllRowsVisible(true);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("network.invitations")), row, invitations);
        section.setPadding(false);
        return section;
    }

    private void removeParticipant(ParticipantResponse participant) {
        try {
            participation.removeParticipant(network.id(), new ParticipantCommand(participant.memberId()));
        } catch (ApiException e) {
            Refusals.notify(this, e, getTranslation("error.conflict"));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(participation.participants(network.id()));
        if (access.manages()) {
            invitations.setItems(participation.sent(network.id()));
        }
    }
}
