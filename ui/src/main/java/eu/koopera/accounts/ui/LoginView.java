package eu.koopera.accounts.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import eu.koopera.accounts.LoginService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.ClientAddresses;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantHosts;
import eu.koopera.tenancy.TenantUnavailableException;
import eu.koopera.tenancy.TenantRegistry;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.layout.HomeView;
import eu.koopera.ui.session.BrowserPreferences;
import eu.koopera.ui.session.PublicView;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.session.UiSessions;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in for everyone. On an association's own host name the association is fixed; elsewhere the user types its
 * code (empty for platform operators), or — when the operator allows it with {@code koopera.login.list-associations}
 * — picks it from the list of associations. The last association is remembered in the browser either way. Checked by the same {@link LoginService} as the API, so the same
 * waits apply after repeated failures.
 */
@Route("login")
@PublicView
@Prototype
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginService logins;
    private final TenantRegistry tenants;
    private final UiSessions sessions;
    private final TenantAdmission admission;
    private final ClientAddresses addresses;
    private final ComboBox<TenantChoice> association = new ComboBox<>();
    private final TextField associationCode = new TextField();
    private final boolean listAssociations;
    private final LoginForm form = new LoginForm();
    private final Div passwordChange = new Div();
    private final CommandValidation validation;
    private Optional<Tenant> fixedTenant = Optional.empty();
    private String shownError;

    public LoginView(LoginService logins, TenantRegistry tenants, TenantHosts hosts, UiSessions sessions,
                     TenantAdmission admission, ClientAddresses addresses, CommandValidation validation,
                     @Value("${koopera.login.list-associations:false}") boolean listAssociations) {
        this.listAssociations = listAssociations;
        this.logins = logins;
        this.validation = validation;
        this.tenants = tenants;
        this.sessions = sessions;
        this.admission = admission;
        this.addresses = addresses;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        addClassName("koopera-login");
        getElement().setAttribute("role", "main");

        VaadinRequest request = VaadinRequest.getCurrent();
        BrowserPreferences.read(BrowserPreferences.LANGUAGE).map(KooperaI18n::forLanguage).ifPresent(locale -> {
            VaadinSession.getCurrent().setLocale(locale);
            UI.getCurrent().setLocale(locale);
        });
        String host = request == null ? null : request.getHeader("Host");
        fixedTenant = hosts.tenantCode(host).flatMap(tenants::find);

        H1 brand = new H1("Koopera");
        add(brand);
        if (fixedTenant.isPresent()) {
            add(new Paragraph(fixedTenant.get().name()));
        } else if (!listAssociations) {
            // anonymous visitors do not learn which associations use the platform: the user types the code
            associationCode.setId("association");
            associationCode.setLabel(getTranslation("login.associationCode"));
            associationCode.setHelperText(getTranslation("login.associationCode.help"));
            associationCode.setWidthFull();
            associationCode.setMaxLength(64);
            BrowserPreferences.read(BrowserPreferences.ASSOCIATION).ifPresent(this::choose);
            associationCode.getElement().setAttribute("slot", "custom-form-area");
            form.getElement().appendChild(associationCode.getElement());
        } else {
            association.setId("association");
            association.setLabel(getTranslation("login.association"));
            association.setItemLabelGenerator(choice -> choice.tenant() == null
                    ? getTranslation("login.operators") : choice.tenant().name());
            List<TenantChoice> choices = choices(tenants);
            association.setItems(choices);
            association.setWidthFull();
            association.setRequired(true);
            BrowserPreferences.read(BrowserPreferences.ASSOCIATION).ifPresent(this::choose);
            // inside the sign-in card, between the password and the button
            association.getElement().setAttribute("slot", "custom-form-area");
            form.getElement().appendChild(association.getElement());
        }
        form.setI18n(i18n(null));
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(event -> forgotPassword());
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        passwordChange.setId("login-password-change");
        passwordChange.setVisible(false);
        passwordChange.setMaxWidth("22rem");
        add(form, passwordChange, languages());
    }

    /** The three languages by their own names; the choice applies at once and is kept for the next visit. */
    private HorizontalLayout languages() {
        HorizontalLayout links = new HorizontalLayout();
        links.setId("login-languages");
        links.getElement().setAttribute("aria-label", getTranslation("user.language"));
        links.getElement().setAttribute("role", "group");
        for (Locale locale : KooperaI18n.LOCALES) {
            Button button = new Button(getTranslation("language." + locale.getLanguage()), click -> {
                BrowserPreferences.remember(BrowserPreferences.LANGUAGE, locale.getLanguage());
                VaadinSession.getCurrent().setLocale(locale);
                getUI().ifPresent(ui -> {
                    ui.setLocale(locale);
                    ui.getPage().reload();
                });
            });
            button.setId("login-language-" + locale.getLanguage());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            button.getElement().setAttribute("lang", locale.getLanguage());
            if (locale.getLanguage().equals(getLocale().getLanguage())) {
                button.getElement().setAttribute("aria-current", "true");
                button.setEnabled(false);
            }
            links.add(button);
        }
        return links;
    }

    static final String OPERATORS = "-operators";

    /** Chooses the association with {@code code} ({@link #OPERATORS} for operators) if it is offered. */
    private void choose(String code) {
        if (!listAssociations) {
            associationCode.setValue(OPERATORS.equals(code) ? "" : code);
            return;
        }
        association.getListDataView().getItems()
                .filter(choice -> choice.tenant() == null ? OPERATORS.equals(code)
                        : choice.tenant().code().equals(code))
                .findFirst().ifPresent(association::setValue);
    }

    /** The associations to sign in to, and platform operators last. */
    static List<TenantChoice> choices(TenantRegistry tenants) {
        List<TenantChoice> choices = new ArrayList<>();
        tenants.all().stream().filter(Tenant::isActive).map(TenantChoice::new).forEach(choices::add);
        choices.add(new TenantChoice(null));
        return choices;
    }

    /** To the "forgot password" page, with the association chosen here. */
    private void forgotPassword() {
        Optional<String> chosen;
        if (fixedTenant.isPresent()) {
            chosen = Optional.empty();
        } else if (listAssociations) {
            chosen = association.getValue() == null ? Optional.empty()
                    : Optional.of(association.getValue().tenant() == null ? OPERATORS
                    : association.getValue().tenant().code());
        } else {
            String code = associationCode.getValue().strip().toLowerCase(Locale.ROOT);
            chosen = Optional.of(code.isEmpty() ? OPERATORS : code);
        }
        getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class, chosen
                .map(code -> QueryParameters.of("association", code)).orElse(QueryParameters.empty())));
    }

    void signIn(String username, String password) {
        signIn(username, password, null);
    }

    /**
     * Signs in; an account that must change its password first is asked for a new one, and signing in with it
     * replaces the old one.
     */
    void signIn(String username, String password, String newPassword) {
        if (fixedTenant.isEmpty() && listAssociations && association.getValue() == null) {
            association.setErrorMessage(getTranslation("login.association.required"));
            association.setInvalid(true);
            form.setEnabled(true);
            return;
        }
        association.setInvalid(false);
        Optional<Tenant> tenant;
        if (fixedTenant.isPresent()) {
            tenant = fixedTenant;
        } else if (listAssociations) {
            tenant = Optional.ofNullable(association.getValue().tenant());
        } else {
            String code = associationCode.getValue().strip().toLowerCase(Locale.ROOT);
            tenant = code.isEmpty() ? Optional.empty() : tenants.find(code);
            if (!code.isEmpty() && tenant.isEmpty()) {
                // the same answer as a wrong password: the page does not tell which codes exist
                fail("login.error.credentials");
                return;
            }
        }
        if (tenant.isPresent()) {
            try {
                tenant = Optional.of(admission.admit(tenant.get().code()));
            } catch (TenantUnavailableException e) {
                fail("login.error.unavailable");
                return;
            } catch (ApiException e) {
                fail("login.error.suspended");
                return;
            }
        }
        try {
            Admission admitted = tenant.map(Admission::of).orElseGet(() -> new Admission(null, null));
            String address = clientAddress();
            LoginService.LoginResult result = admission.callAs(admitted,
                    () -> logins.authenticate(username, password, newPassword, address));
            Locale locale = result.locale() != null ? KooperaI18n.forLanguage(result.locale())
                    : tenant.map(t -> KooperaI18n.forLanguage(t.defaultLocale()))
                    .orElseGet(() -> KooperaI18n.supported(getLocale()));
            sessions.signIn(new SignedIn(result.caller(), tenant.map(Tenant::binding).orElse(null),
                    tenant.map(Tenant::name).orElse(null)), locale);
            if (fixedTenant.isEmpty()) {
                BrowserPreferences.remember(BrowserPreferences.ASSOCIATION,
                        tenant.map(Tenant::code).orElse(OPERATORS));
            }
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        } catch (ApiException.TooManyAttempts e) {
            fail("login.error.throttled");
        } catch (ApiException.Forbidden e) {
            if ("password-change-required".equals(e.code())) {
                askForNewPassword(username, password);
            } else {
                fail("login.error.disabled");
            }
        } catch (ApiException.BadRequest e) {
            if (newPasswordFields != null) {
                newPasswordFields.show(e, this, validation);
            }
        } catch (ApiException.Unauthorized e) {
            fail("login.error.credentials");
        }
    }

    private NewPasswordFields newPasswordFields;

    /** The account must choose a new password before it signs in: a small form under the sign-in card. */
    private void askForNewPassword(String username, String password) {
        form.setEnabled(true);
        form.setVisible(false);
        newPasswordFields = new NewPasswordFields(this, "login-password");
        Paragraph why = new Paragraph(getTranslation("password.required.text"));
        why.setId("login-password-required");
        why.getElement().setAttribute("role", "status");
        Button save = new Button(getTranslation("password.required.save"), click -> {
            if (newPasswordFields.matching(this)) {
                signIn(username, password, newPasswordFields.value());
            }
        });
        save.setId("login-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        passwordChange.removeAll();
        passwordChange.add(new H2(getTranslation("password.required.title")), why, newPasswordFields.password,
                newPasswordFields.repeat, save);
        passwordChange.setVisible(true);
        newPasswordFields.password.focus();
    }

    /** The browser's address as the abuse limits count it; the UI runs outside Micronaut's HTTP server. */
    private String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? ClientAddresses.UNKNOWN
                : addresses.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    private void fail(String messageKey) {
        form.setVisible(true);
        shownError = getTranslation(messageKey);
        form.setI18n(i18n(messageKey));
        form.setError(true);
        form.setEnabled(true);
    }

    private LoginI18n i18n(String errorKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        texts.setForgotPassword(getTranslation("login.forgot"));
        if (errorKey != null) {
            i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
            i18n.getErrorMessage().setMessage(getTranslation(errorKey));
        }
        return i18n;
    }

    /** The error the form shows after a failed attempt, if any. */
    public Optional<String> shownError() {
        return Optional.ofNullable(shownError);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (sessions.current().isPresent()) {
            event.forwardTo(HomeView.class);
            return;
        }
        // a link that names the association, such as the one after accepting an invitation
        event.getLocation().getQueryParameters().getSingleParameter("association").ifPresent(this::choose);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Koopera";
    }

    /** An association to sign in to, or none for platform operators. */
    record TenantChoice(Tenant tenant) {
    }
}
