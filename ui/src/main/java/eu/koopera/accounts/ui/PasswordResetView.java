package eu.koopera.accounts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import eu.koopera.accounts.PasswordResetGoneException;
import eu.koopera.accounts.PasswordService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.session.BrowserPreferences;
import eu.koopera.ui.session.PublicView;
import io.micronaut.context.annotation.Prototype;

import java.util.Locale;

/**
 * Where the mailed reset link leads ({@code /password-reset/<token>}), in the mail's language: a new password typed
 * twice; afterwards a link to the sign-in page with the account's association chosen.
 */
@Route("password-reset/:token")
@PublicView
@Prototype
public class PasswordResetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordService passwords;
    private final CommandValidation validation;
    private final Div content = new Div();
    private String token;
    private PasswordService.ResetLink link;

    public PasswordResetView(PasswordService passwords, CommandValidation validation) {
        this.passwords = passwords;
        this.validation = validation;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        addClassName("koopera-login");
        getElement().setAttribute("role", "main");
        content.setMaxWidth("30rem");
        content.setWidthFull();
        add(new H1("Koopera"), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        try {
            link = passwords.describeResetLink(token);
            inLanguageOfTheMail(link.locale());
            showForm();
        } catch (ApiException e) {
            showRefusal(e);
        }
    }

    private void inLanguageOfTheMail(String language) {
        if (language == null || BrowserPreferences.read(BrowserPreferences.LANGUAGE).isPresent()) {
            return;
        }
        Locale locale = KooperaI18n.forLanguage(language);
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    private void showForm() {
        NewPasswordFields fresh = new NewPasswordFields(this, "reset");
        Paragraph who = new Paragraph(getTranslation("password.reset.for", link.username()));
        Button save = new Button(getTranslation("password.reset.save"), click -> reset(fresh));
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(fresh.password, fresh.repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        show(new H1(getTranslation("password.reset.title")), who, form, save);
    }

    private void reset(NewPasswordFields fresh) {
        if (!fresh.matching(this)) {
            return;
        }
        try {
            passwords.reset(token, fresh.value());
            Paragraph done = new Paragraph(getTranslation("password.reset.done"));
            done.setId("reset-done");
            done.getElement().setAttribute("role", "status");
            show(new H1(getTranslation("password.reset.title")), done, toLogin());
        } catch (ApiException.BadRequest e) {
            fresh.show(e, this, validation);
        } catch (ApiException e) {
            showRefusal(e);
        }
    }

    private RouterLink toLogin() {
        RouterLink login = new RouterLink(getTranslation("password.toLogin"), LoginView.class);
        if (link != null) {
            login.setQueryParameters(QueryParameters.of("association",
                    link.tenantCode() == null ? LoginView.OPERATORS : link.tenantCode()));
        }
        login.setId("reset-to-login");
        return login;
    }

    private void showRefusal(ApiException problem) {
        String key = problem instanceof PasswordResetGoneException ? "password.reset." + problem.code()
                : "password.reset.reset-link-unknown";
        Paragraph text = new Paragraph(getTranslation(key));
        text.setId("reset-refused");
        text.getElement().setAttribute("data-reason", key);
        RouterLink again = new RouterLink(getTranslation("password.forgot.again"), ForgotPasswordView.class);
        show(new H1(getTranslation("password.reset.title")), text, again, toLogin());
    }

    private void show(Component... components) {
        content.removeAll();
        content.add(components);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.reset.title") + " · Koopera";
    }
}
