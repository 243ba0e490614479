package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.partnerships.AnnouncementCommand;
import eu.koopera.partnerships.AnnouncementResponse;
import eu.koopera.partnerships.AnnouncementService;
import eu.koopera.partnerships.AnnouncementStatus;
import eu.koopera.partnerships.ReplyCommand;
import eu.koopera.partnerships.ReplyResponse;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.layout.MainLayout;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * "Looking for a partner" announcements of all associations: the list (open ones first), a form to publish one for
 * a member, and for the selected announcement the replies the association may read and a form to reply on behalf of
 * one of its members.
 */
@Menu(title = "nav.partnerAnnouncements", order = 63, icon = "vaadin:megaphone")
@Route(value = "partnerships/announcements", layout = MainLayout.class)
@AllowedRoles({Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR})
@Prototype
public class PartnerAnnouncementsView extends VerticalLayout implements HasDynamicTitle {

    private final AnnouncementService announcements;
    private final List<MemberResponse> members;
    private final Select<AnnouncementStatus> status = new Select<>();
    private final Grid<AnnouncementResponse> list = new Grid<>(AnnouncementResponse.class, false);
    private final ComboBox<MemberResponse> member = memberBox("announcement-member");
    private final TextField theme = new TextField();
    private final TextArea textLv = new TextArea();
    private final TextArea textLt = new TextArea();
    private final TextArea textEn = new TextArea();
    private final DatePicker deadline = new DatePicker();
    private final Div selected = new Div();
    private final Grid<ReplyResponse> replies = new Grid<>(ReplyResponse.class, false);
    private final ComboBox<MemberResponse> replyMember = memberBox("reply-member");
    private final TextArea message = new TextArea();
    private final Button reply = new Button();
    private final String tenant;

    public PartnerAnnouncementsView(AnnouncementService announcements, MemberService memberService,
                                    UiSessions sessions) {
        this.announcements = announcements;
        this.tenant = sessions.require().caller().tenantCode();
        this.members = memberService.search(MemberSearch.all(), 0, 1000).items();
        member.setItems(members);
        replyMember.setItems(members);
        status.setLabel(getTranslation("announcements.status"));
        status.setId("announcement-status-filter");
        status.setItems(AnnouncementStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("announcements.status." + value));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("announcements.status.all"));
        status.addValueChangeListener(e -> refresh());
        list.setId("announcements");
        list.addColumn(AnnouncementResponse::theme).setKey("theme").setHeader(getTranslation("announcements.theme"))
                .setFlexGrow(1);
        list.addColumn(a -> a.memberName() + " (" + a.owner() + ")").setKey("member")
                .setHeader(getTranslation("announcements.member")).setFlexGrow(1);
        list.addColumn(a -> a.text().in(getLocale().getLanguage())).setKey("text")
                .setHeader(getTranslation("announcements.text")).setFlexGrow(3);
        list.addColumn(a -> date(a.deadline())).setKey("deadline").setHeader(getTranslation("announcements.deadline"))
                .setAutoWidth(true);
        list.addColumn(a -> getTranslation("announcements.status." + a.status())).setKey("status")
                .setHeader(getTranslation("announcements.status")).setAutoWidth(true);
        list.addColumn(AnnouncementResponse::replies).setKey("replies")
                .setHeader(getTranslation("announcements.replies")).setAutoWidth(true);
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        list.setAllRowsVisible(true);
        list.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        theme.setLabel(getTranslation("announcements.theme"));
        theme.setId("announcement-theme");
        theme.setMaxLength(200);
        textLv.setLabel(getTranslation("announcements.text.lv"));
        textLv.setId("announcement-text-lv");
        textLt.setLabel(getTranslation("announcements.text.lt"));
        textLt.setId("announcement-text-lt");
        textEn.setLabel(getTranslation("announcements.text.en"));
        textEn.setId("announcement-text-en");
        deadline.setLabel(getTranslation("announcements.deadline"));
        deadline.setId("announcement-deadline");
        deadline.setMin(LocalDate.now());
        Button publish = new Button(getTranslation("announcements.publish"), click -> publish());
        publish.setId("announcement-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Details form = new Details(getTranslation("announcements.new"),
                new VerticalLayout(member, theme, textLv, textLt, textEn, deadline, publish));
        form.setId("announcement-form");

        replies.setId("announcement-replies");
        replies.addColumn(r -> r.memberName() + " (" + r.tenant() + ")").setKey("member")
                .setHeader(getTranslation("announcements.member")).setAutoWidth(true);
        replies.addColumn(ReplyResponse::message).setKey("message").setHeader(getTranslation("announcements.message"))
                .setFlexGrow(3);
        replies.setAllRowsVisible(true);
        message.setLabel(getTranslation("announcements.message"));
        message.setId("reply-message");
        message.setMaxLength(4000);
        message.setWidthFull();
        reply.setText(getTranslation("announcements.reply"));
        reply.setId("reply-send");
        reply.addClickListener(click -> reply());
        selected.setId("announcement-selected");
        selected.setVisible(false);
        selected.setWidthFull();
        add(new H1(getTranslation("announcements.title")), new Paragraph(getTranslation("announcements.help")),
                form, status, list, selected);
        refresh();
    }

    private ComboBox<MemberResponse> memberBox(String id) {
        ComboBox<MemberResponse> box = new ComboBox<>();
        box.setLabel(getTranslation("announcements.member"));
        box.setId(id);
        box.setItemLabelGenerator(MemberResponse::name);
        return box;
    }

    private void refresh() {
        list.setItems(announcements.list(status.getValue(), null));
    }

    private void publish() {
        if (member.getValue() == null || theme.getValue().isBlank() || deadline.getValue() == null) {
            Notification.show(getTranslation("announcements.incomplete"));
            return;
        }
        try {
            AnnouncementResponse created = announcements.create(new AnnouncementCommand(
                    member.getValue().id(), theme.getValue(),
                    new LocalizedText(blank(textLv.getValue()), blank(textLt.getValue()), blank(textEn.getValue())),
                    deadline.getValue()));
            Notification.show(getTranslation("announcements.published", created.theme()));
            theme.clear();
            textLv.clear();
            textLt.clear();
            textEn.clear();
            refresh();
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
    }

    private void select(AnnouncementResponse announcement) {
        selected.removeAll();
        selected.setVisible(announcement != null);
        if (announcement == null) {
            return;
        }
        replies.setItems(announcements.replies(announcement.id()));
        selected.add(new H2(announcement.theme()), new Paragraph(announcement.text().in(getLocale().getLanguage())),
                replies);
        if (announcement.status() == AnnouncementStatus.OPEN && !announcement.owner().equals(tenant)) {
            selected.add(replyMember, message, reply);
        }
    }

    private void reply() {
        AnnouncementResponse announcement = list.asSingleSelect().getValue();
        if (announcement == null) {
            return;
        }
        if (replyMember.getValue() == null || message.getValue().isBlank()) {
            Notification.show(getTranslation("announcements.incomplete"));
            return;
        }
        try {
            announcements.reply(announcement.id(), new ReplyCommand(
                    replyMember.getValue().id(), message.getValue()));
            Notification.show(getTranslation("announcements.replied"));
            message.clear();
            replies.setItems(announcements.replies(announcement.id()));
        } catch (ApiException e) {
            CommandValidation.notifyError(this, e);
        }
    }

    private String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(date);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("announcements.title") + " · Koopera";
    }
}
