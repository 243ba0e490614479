package eu.koopera.accounts;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;

import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What signed-in accounts choose for themselves, kept on the account for their next login. */
@Singleton
public class AccountPreferences {

    public static final Set<String> LANGUAGES = Set.of("lv", "lt", "en");

    private final CallerContext callers;
    private final TenantUserRepository tenantUsers;
    private final PlatformUserRepository platformUsers;

    public AccountPreferences(CallerContext callers, TenantUserRepository tenantUsers,
                              PlatformUserRepository platformUsers) {
        this.callers = callers;
        this.tenantUsers = tenantUsers;
        this.platformUsers = platformUsers;
    }

    /** Stores the caller's language: {@code lv}, {@code lt} or {@code en}. */
    public void changeLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new ApiException.BadRequest("Unsupported language.",
                    List.of(new Problem.FieldError("language", "must be lv, lt or en")));
        }
        Caller caller = callers.current().orElseThrow(() -> new ApiException.Unauthorized("Authentication required."));
        if (caller.isOperator()) {
            platformUsers.findByUsername(caller.username())
                    .ifPresent(user -> platformUsers.update(user.id(), language));
        } else {
            callers.requireTenantUser();
            tenantUsers.findByUsername(caller.username()).ifPresent(user -> tenantUsers.update(user.id(), language));
        }
    }

    /** The caller's stored language, if chosen. */
    public Optional<String> language() {
        Caller caller = callers.current().orElseThrow(() -> new ApiException.Unauthorized("Authentication required."));
        if (caller.isOperator()) {
            return platformUsers.findByUsername(caller.username()).map(PlatformUser::locale);
        }
        callers.requireTenantUser();
        return tenantUsers.findByUsername(caller.username()).map(TenantUser::locale);
    }
}
