package eu.koopera.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import eu.koopera.people.AcceptedInvitation;
import eu.koopera.people.InvitationGoneException;
import eu.koopera.people.InvitationInfo;
import eu.koopera.people.InvitationService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.accounts.ui.LoginView;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.session.BrowserPreferences;
import eu.koopera.ui.session.PublicView;
import io.micronaut.context.annotation.Prototype;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the mailed invitation link leads ({@code /invitation/<tenant>/<token>}): the invitee, not signed in, sees
 * who invites them and chooses a username and password. The service binds the link's tenant itself, so it is
 * called with the tenant named in the link itself, since nobody is signed in.
 */
@Route("invitation/:tenant/:token")
@PublicView
@Prototype
public class InvitationAcceptView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InvitationService invitations;
    private final Div content = new Div();
    private String tenant;
    private String token;

    public InvitationAcceptView(InvitationService invitations) {
        this.invitations = invitations;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        addClassName("koopera-login");
        getElement().setAttribute("role", "main");
        content.setMaxWidth("36rem");
        content.setWidthFull();
        add(new H1("Koopera"), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = event.getRouteParameters().get("tenant").orElse("");
        token = event.getRouteParameters().get("token").orElse("");
        try {
            InvitationInfo info = invitations.describe(tenant, token);
            inLanguageOfTheMail(info.locale());
            showForm(info);
        } catch (ApiException e) {
            showRefusal(e);
        }
    }

    /** The page speaks the mail's language unless this browser chose one on the sign-in page. */
    private void inLanguageOfTheMail(String language) {
        if (BrowserPreferences.read(BrowserPreferences.LANGUAGE).isPresent()) {
            return;
        }
        Locale locale = KooperaI18n.forLanguage(language);
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    /** A link to the sign-in page with this association chosen. */
    private RouterLink toLogin() {
        RouterLink link = new RouterLink(getTranslation("invitation.toLogin"), LoginView.class);
        link.setQueryParameters(QueryParameters.of("association", tenant));
        link.setId("invitation-to-login");
        return link;
    }

    private void showForm(InvitationInfo info) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        String roles = info.roles().stream().map(role -> getTranslation("role." + role))
                .collect(Collectors.joining(", "));
        Paragraph who = new Paragraph(getTranslation("invitation.who", info.personName(), info.tenantName(), roles));
        who.setId("invitation-who");
        Paragraph until = new Paragraph(getTranslation("invitation.expires", dates.format(info.expiresAt()),
                info.email()));

        TextField username = new TextField(getTranslation("login.username"));
        username.setId("invitation-username");
        username.setRequired(true);
        username.setHelperText(getTranslation("invitation.username.help"));
        PasswordField password = new PasswordField(getTranslation("login.password"));
        password.setId("invitation-password");
        password.setRequired(true);
        password.setHelperText(getTranslation("validation.passwordHelp"));
        PasswordField repeat = new PasswordField(getTranslation("invitation.repeatPassword"));
        repeat.setId("invitation-repeat");
        repeat.setRequired(true);
        Button accept = new Button(getTranslation("invitation.accept"));
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(click -> accept(username, password, repeat));
        FormLayout form = new FormLayout(username, password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        show(new H1(getTranslation("invitation.title", info.tenantName())), who, until, form, accept);
    }

    private void accept(TextField username, PasswordField password, PasswordField repeat) {
        username.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("invitation.passwordsDiffer"));
            repeat.setInvalid(true);
            return;
        }
        try {
            AcceptedInvitation accepted = invitations.accept(tenant, token, username.getValue(), password.getValue());
            Paragraph done = new Paragraph(getTranslation("invitation.accepted.text", accepted.username()));
            done.setId("invitation-accepted");
            show(new H1(getTranslation("invitation.accepted.title")), done,
                    toLogin());
        } catch (ApiException.BadRequest e) {
            for (Problem.FieldError error : e.errors()) {
                if ("username".equals(error.field())) {
                    username.setErrorMessage(getTranslation("invitation.username.help"));
                    username.setInvalid(true);
                } else if ("password".equals(error.field())) {
                    password.setErrorMessage(getTranslation("validation.passwordHelp"));
                    password.setInvalid(true);
                }
            }
        } catch (ApiException.Conflict e) {
            username.setErrorMessage(getTranslation("invitation.username.taken"));
            username.setInvalid(true);
        } catch (ApiException e) {
            showRefusal(e);
        }
    }

    /** An unknown link, a dead one, or an association that cannot take it now, each said plainly. */
    private void showRefusal(ApiException problem) {
        String key = switch (problem) {
            case InvitationGoneException gone -> "invitation.gone." + gone.reason();
            case ApiException.NotFound ignored -> "invitation.invalid";
            default -> "invitation.unavailable";
        };
        Paragraph text = new Paragraph(getTranslation(key + ".text"));
        text.setId("invitation-refused");
        text.getElement().setAttribute("data-reason", key);
        show(new H1(getTranslation(key + ".title")), text,
                toLogin());
    }

    private void show(Component... components) {
        content.removeAll();
        content.add(components);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.pageTitle") + " · Koopera";
    }
}
