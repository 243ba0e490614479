package eu.koopera.ui.support;

import com.vaadin.browserless.BrowserlessApplicationContext;
import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginFormTester;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.accounts.ui.LoginView;
import eu.koopera.ui.server.MicronautInstantiatorFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Views driven without a browser (Vaadin's browserless testing, JUnit-free API) against the real platform: the
 * views get the platform's beans through the same Micronaut instantiator as in production.
 */
public abstract class BrowserlessUiTest extends IntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-password-1234";

    @Inject
    protected ApplicationContext context;
    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;

    protected TestClient api;
    protected BrowserlessApplicationContext vaadin;

    @BeforeAll
    void startVaadin() {
        api = new TestClient(server.getURI(), json);
        vaadin = BrowserlessApplicationContext.create(builder -> builder
                .withViewPackages("eu.koopera")
                .withLookupServices(MicronautInstantiatorFactory.class)
                .withServletFactory((routes, uiFactory) -> new MicronautMockServlet(routes, uiFactory, context)));
    }

    @AfterAll
    void stopVaadin() {
        vaadin.close();
    }

    /** A new browser window of a new visitor, on the login page. */
    protected BrowserlessUIContext newVisitor() {
        BrowserlessUIContext window = vaadin.newUser().newWindow();
        window.navigate(LoginView.class);
        return window;
    }

    /**
     * Signs in on the login page of {@code window}; {@code association} is a tenant name ("Association " + code, as
     * {@code TestClient} names them) or null for operators, typed as its code into the association field.
     */
    protected void signIn(BrowserlessUIContext window, String association, String username, String password) {
        TextField code = window.find(TextField.class).id("association");
        window.test(code).setValue(association == null ? "" : association.substring("Association ".length()));
        LoginFormTester<LoginForm> form = window.test(window.find(LoginForm.class).single());
        form.login(username, password);
    }
}
