package eu.koopera.ui.session;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.ui.layout.HomeView;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What anyone sees at an address no view serves, in the UI's language, instead of Vaadin's English "Could not
 * navigate to ...". It names the address typed and leads home.
 */
@PublicView
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        getElement().setAttribute("role", "main");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H1(getTranslation("notfound.title")),
                new Paragraph(getTranslation("notfound.text", "/" + event.getLocation().getPath())),
                new RouterLink(getTranslation("notfound.home"), HomeView.class));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
