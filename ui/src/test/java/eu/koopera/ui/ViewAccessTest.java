package eu.koopera.ui;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import eu.koopera.ui.session.AllowedRoles;
import eu.koopera.ui.session.PublicView;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No view is reachable by accident: each one says who may open it. */
class ViewAccessTest {

    @Test
    void everyRouteAndErrorViewDeclaresWhoMayOpenIt() {
        try (ScanResult scan = new ClassGraph().acceptPackages("eu.koopera").enableAnnotationInfo()
                .enableClassInfo().scan()) {
            List<Class<?>> views = scan.getClassesWithAnnotation(Route.class).loadClasses();
            List<Class<?>> errorViews = scan.getClassesImplementing(HasErrorParameter.class).loadClasses();
            assertThat(views).hasSizeGreaterThanOrEqualTo(6);
            assertThat(views).allSatisfy(view -> assertThat(view.isAnnotationPresent(AllowedRoles.class)
                    ^ view.isAnnotationPresent(PublicView.class)).as(view.getName()).isTrue());
            assertThat(errorViews).allSatisfy(view -> assertThat(view.isAnnotationPresent(PublicView.class))
                    .as(view.getName()).isTrue());
        }
    }
}
