package eu.koopera.people;

import eu.koopera.members.MemberResponse;
import eu.koopera.accounts.TenantUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The caller as the association knows them.
 *
 * @param user   their account
 * @param person the person record linked to the account, if any
 * @param member that person's member organisation, if any
 */
@Serdeable
public record MeResponse(Account user, @Nullable PersonResponse person, @Nullable MemberResponse member) {

    /** A user account without its secrets. */
    @Serdeable
    public record Account(Long id, String username, @Nullable String email, @Nullable String displayName,
                          List<String> roles, @Nullable String locale, String status) {

        static Account of(TenantUser user) {
            return new Account(user.id(), user.username(), user.email(), user.displayName(),
                    List.copyOf(user.roleSet()), user.locale(), user.status());
        }
    }
}
