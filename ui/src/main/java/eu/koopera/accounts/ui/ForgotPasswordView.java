package eu.koopera.accounts.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import eu.koopera.accounts.PasswordService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantHosts;
import eu.koopera.tenancy.TenantRegistry;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.session.BrowserPreferences;
import eu.koopera.ui.session.PublicView;
import io.micronaut.context.annotation.Prototype;

import java.util.Optional;

/**
 * "Forgot password?": the user names their association and username, and a reset link is mailed if the account
 * exists. The page says the same whether it does or not.
 */
@Route("forgot-password")
@PublicView
@Prototype
public class ForgotPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordService passwords;
    private final TenantAdmission admission;
    private final ComboBox<LoginView.TenantChoice> association = new ComboBox<>();
    private final TextField username = new TextField();
    private final Div content = new Div();
    private Optional<Tenant> fixedTenant;

    public ForgotPasswordView(PasswordService passwords, TenantRegistry tenants, TenantHosts hosts,
                              TenantAdmission admission) {
        this.passwords = passwords;
        this.admission = admission;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        addClassName("koopera-login");
        getElement().setAttribute("role", "main");
        BrowserPreferences.read(BrowserPreferences.LANGUAGE).map(KooperaI18n::forLanguage).ifPresent(locale -> {
            VaadinSession.getCurrent().setLocale(locale);
            UI.getCurrent().setLocale(locale);
        });
        VaadinRequest request = VaadinRequest.getCurrent();
        fixedTenant = hosts.tenantCode(request == null ? null : request.getHeader("Host")).flatMap(tenants::find);
        content.setMaxWidth("30rem");
        content.setWidthFull();

        association.setId("forgot-association");
        association.setLabel(getTranslation("login.association"));
        association.setItemLabelGenerator(choice -> choice.tenant() == null
                ? getTranslation("login.operators") : choice.tenant().name());
        association.setItems(LoginView.choices(tenants));
        association.setRequired(true);
        association.setWidthFull();
        BrowserPreferences.read(BrowserPreferences.ASSOCIATION).ifPresent(this::choose);
        username.setId("forgot-username");
        username.setLabel(getTranslation("login.username"));
        username.setRequired(true);
        username.setWidthFull();
        Button send = new Button(getTranslation("password.forgot.send"), click -> send());
        send.setId("forgot-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = fixedTenant.isPresent() ? new FormLayout(username) : new FormLayout(association, username);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        content.add(new H1(getTranslation("password.forgot.title")),
                new Paragraph(getTranslation("password.forgot.text")), form, send, toLogin());
        add(new H1("Koopera"), content);
    }

    private void choose(String code) {
        association.getListDataView().getItems()
                .filter(choice -> choice.tenant() == null ? LoginView.OPERATORS.equals(code)
                        : choice.tenant().code().equals(code))
                .findFirst().ifPresent(association::setValue);
    }

    private RouterLink toLogin() {
        RouterLink link = new RouterLink(getTranslation("password.toLogin"), LoginView.class);
        Optional.ofNullable(association.getValue()).ifPresent(choice -> link.setQueryParameters(QueryParameters.of(
                "association", choice.tenant() == null ? LoginView.OPERATORS : choice.tenant().code())));
        link.setId("forgot-to-login");
        return link;
    }

    void send() {
        username.setInvalid(false);
        association.setInvalid(false);
        if (fixedTenant.isEmpty() && association.getValue() == null) {
            association.setErrorMessage(getTranslation("login.association.required"));
            association.setInvalid(true);
            return;
        }
        if (username.getValue().isBlank()) {
            username.setErrorMessage(getTranslation("validation.required"));
            username.setInvalid(true);
            return;
        }
        Optional<Tenant> tenant = fixedTenant.isPresent() ? fixedTenant
                : Optional.ofNullable(association.getValue().tenant());
        try {
            Admission admitted = tenant.map(found -> Admission.of(admission.admit(found.code())))
                    .orElseGet(() -> new Admission(null, null));
            admission.runAs(admitted, () -> passwords.requestReset(username.getValue().strip()));
        } catch (ApiException e) {
            // a suspended or unavailable association: the same answer, nothing is sent
        }
        Paragraph sent = new Paragraph(getTranslation("password.forgot.sent"));
        sent.setId("forgot-sent");
        sent.getElement().setAttribute("role", "status");
        content.removeAll();
        content.add(new H1(getTranslation("password.forgot.title")), sent, toLogin());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("association").ifPresent(this::choose);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.forgot.title") + " · Koopera";
    }
}
