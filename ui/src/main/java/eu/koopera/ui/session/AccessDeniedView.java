package eu.koopera.ui.session;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.ui.layout.HomeView;
import eu.koopera.ui.layout.MainLayout;
import jakarta.servlet.http.HttpServletResponse;

/** What an account sees when it asks for a view its roles do not open. */
@PublicView
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(new H1(getTranslation("access.denied.title")), new Paragraph(getTranslation("access.denied.text")),
                new RouterLink(getTranslation("access.denied.home"), HomeView.class));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
