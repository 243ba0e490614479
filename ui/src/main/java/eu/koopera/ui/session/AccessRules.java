package eu.koopera.ui.session;

import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantRegistry;
import jakarta.inject.Singleton;

import java.util.Arrays;

/** Who may open which view: the one rule both navigation checks and the side menu use. */
@Singleton
public class AccessRules {

    private final TenantRegistry tenants;

    public AccessRules(TenantRegistry tenants) {
        this.tenants = tenants;
    }

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

    /** Whether the account's association still admits it: operators always, tenant users while it is active. */
    public boolean tenantAdmits(SignedIn signedIn) {
        return signedIn.tenant() == null
                || tenants.find(signedIn.tenant().code()).filter(Tenant::isActive).isPresent();
    }
}
