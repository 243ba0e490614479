package eu.koopera.partnerships;

import eu.koopera.members.MemberService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.TenantCodes;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the parties of an agreement and turns them into rows to store: the owner's members must be in its register
 * (their names are taken from it), another association must exist and be active (whether its member exists is for
 * that association to say when it confirms), a foreign municipality needs an ISO 3166-1 alpha-2 country, and no party
 * may be named twice. Every error names the party's index.
 */
@Singleton
class PartyChecks {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final MemberService members;
    private final TenantRegistry tenants;

    PartyChecks(MemberService members, TenantRegistry tenants) {
        this.members = members;
        this.tenants = tenants;
    }

    /**
     * The parties as rows to store, in their order.
     *
     * @throws ApiException.BadRequest with one error per bad party, or for fewer than two parties
     */
    List<NewParty> check(List<PartyCommand> commands, String owner) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<NewParty> parties = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < commands.size(); i++) {
            String field = "parties[" + i + "]";
            NewParty party = party(commands.get(i), owner, i, errors);
            if (party != null && !seen.add(party.identity())) {
                errors.add(Problem.FieldError.field(field, "party.duplicate", "party " + i + " is named twice", i));
            } else if (party != null) {
                parties.add(party);
            }
        }
        if (commands.size() < 2) {
            errors.add(Problem.FieldError.field("parties", "agreement.tooFewParties",
                    "an agreement needs at least two parties"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The agreement has invalid parties.", errors)
                    .withCode("agreement.invalidParties");
        }
        return parties;
    }

    private @Nullable NewParty party(PartyCommand command, String owner, int index,
                                     List<Problem.FieldError> errors) {
        String field = "parties[" + index + "]";
        int shapes = (command.memberId() != null ? 1 : 0) + (command.foreign() != null ? 1 : 0)
                + (command.organisation() != null ? 1 : 0);
        if (shapes != 1 || command.tenant() != null && command.memberId() == null) {
            errors.add(Problem.FieldError.field(field, "party.shape", "party " + index
                    + " must be exactly one of a member, a foreign municipality and an organisation", index));
            return null;
        }
        if (command.memberId() != null) {
            String tenant = command.tenant() == null ? owner : command.tenant().strip();
            if (tenant.equals(owner)) {
                if (!members.exists(command.memberId())) {
                    errors.add(Problem.FieldError.field(field + ".memberId", "party.unknownMember",
                            "party " + index + " names no member of the association", index, command.memberId()));
                    return null;
                }
                return NewParty.member(owner, command.memberId(), members.get(command.memberId()).name());
            }
            if (!TenantCodes.isValid(tenant) || tenants.find(tenant).filter(found -> found.isActive()).isEmpty()) {
                errors.add(Problem.FieldError.field(field + ".tenant", "party.unknownAssociation",
                        "party " + index + " names no active association", index, tenant));
                return null;
            }
            if (command.memberId() <= 0) {
                errors.add(Problem.FieldError.field(field + ".memberId", "party.unknownMember",
                        "party " + index + " names no member", index, command.memberId()));
                return null;
            }
            return NewParty.member(tenant, command.memberId(), null);
        }
        if (command.foreign() != null) {
            String country = command.foreign().country().strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(Problem.FieldError.field(field + ".foreign.country", "party.country",
                        "party " + index + " needs an ISO 3166-1 alpha-2 country code", index));
                return null;
            }
            return NewParty.foreign(command.foreign().name().strip(), country);
        }
        Organisation organisation = command.organisation();
        return NewParty.organisation(organisation.name().strip(), blankToNull(organisation.registrationNo()),
                blankToNull(organisation.kind()));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
