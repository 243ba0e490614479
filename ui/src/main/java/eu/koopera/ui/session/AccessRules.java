package eu.koopera.ui.session;

import jakarta.inject.Singleton;

import java.util.Arrays;

/** Who may open which view: the one rule both navigation checks and the side menu use. */
@Singleton
public class AccessRules {

    public boolean isPublic(Class<?> view) {
        return view.isAnnotationPresent(PublicView.class) || !view.getPackageName().startsWith("eu.koopera");
    }

    public boolean mayOpen(SignedIn signedIn, Class<?> view) {
        if (isPublic(view)) {
            return true;
        }
        AllowedRoles allowed = view.getAnnotation(AllowedRoles.class);
        return allowed != null && Arrays.stream(allowed.value()).anyMatch(signedIn::hasRole);
    }
}
