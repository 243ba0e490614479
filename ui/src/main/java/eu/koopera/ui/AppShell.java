package eu.koopera.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell of both portals: Lumo, Koopera's own few styles, a favicon, and a viewport for phones. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("koopera.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
    }
}
