package eu.koopera.bench;

import com.vaadin.browserless.BrowserlessApplicationContext;
import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.BrowserlessUserContext;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import eu.koopera.accounts.ui.LoginView;
import eu.koopera.members.ui.MembersView;
import eu.koopera.ui.server.MicronautInstantiatorFactory;
import eu.koopera.ui.support.MicronautMockServlet;
import io.micronaut.context.ApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Heap held by idle signed-in UI sessions: {@code sessions} administrators of the demo association LPS sign in and
 * open the members grid (43 members), then the heap after full collections is compared with the heap before.
 * Sessions are driven by Vaadin's browserless runtime: the same VaadinSession, UI and component tree a browser
 * session holds, without the servlet container's own few hundred bytes per HTTP session.
 */
public final class UiSessionBenchmark {

    private static final String PASSWORD = "benchmark-demo-password";

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("sessions", 200);
        try (BenchDatabase database = new BenchDatabase(Path.of("target", "bench-ui"));
             ApplicationContext context = database.startContext(Map.of("koopera.demo.enabled", true,
                     "koopera.demo.password", PASSWORD))) {
            BrowserlessApplicationContext vaadin = BrowserlessApplicationContext.create(builder -> builder
                    .withViewPackages("eu.koopera.ui")
                    .withLookupServices(MicronautInstantiatorFactory.class)
                    .withServletFactory((routes, ui) -> new MicronautMockServlet(routes, ui, context)));
            List<BrowserlessUserContext> warmUp = open(vaadin, 20);
            warmUp.forEach(BrowserlessUserContext::close);

            long before = settledHeap();
            long started = System.nanoTime();
            List<BrowserlessUserContext> open = open(vaadin, sessions);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            long after = settledHeap();
            System.out.printf("UI sessions: %d signed in with the members grid open in %d ms (%.1f ms each)%n",
                    open.size(), elapsedMs, (double) elapsedMs / open.size());
            System.out.printf("Heap before %.1f MiB, after %.1f MiB: %.1f KiB per idle signed-in session%n",
                    before / 1048576.0, after / 1048576.0, (after - before) / 1024.0 / open.size());
            open.forEach(BrowserlessUserContext::close);
            vaadin.close();
        }
    }

    private static List<BrowserlessUserContext> open(BrowserlessApplicationContext vaadin, int count) {
        List<BrowserlessUserContext> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BrowserlessUserContext user = vaadin.newUser();
            BrowserlessUIContext window = user.newWindow();
            window.navigate(LoginView.class);
            @SuppressWarnings("unchecked")
            ComboBox<Object> association = window.find(ComboBox.class).id("association");
            window.test(association).selectItem("Latvijas Pašvaldību savienība");
            window.test(window.find(LoginForm.class).single()).login("admin", PASSWORD);
            if (!(window.getCurrentView() instanceof MembersView)) {
                throw new IllegalStateException("Sign-in failed: " + window.getCurrentView());
            }
            @SuppressWarnings("unchecked")
            Grid<Object> grid = window.find(Grid.class).id("members");
            if (window.test(grid).size() != 43) {
                throw new IllegalStateException("Expected the 43 LPS members");
            }
            users.add(user);
        }
        return users;
    }

    private static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private UiSessionBenchmark() {
    }
}
