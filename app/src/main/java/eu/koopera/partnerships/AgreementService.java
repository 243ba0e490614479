package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.events.EventService;
import eu.koopera.members.MemberService;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Partnership agreements ({@link PartyChecks} checks their parties). An association's administrators and network coordinators record them with two or more
 * parties; every user of the association reads them. A member of another association named as a party makes that
 * association's administrators confirm the agreement, which stays a DRAFT until they have; once confirmed, it reads
 * the agreement too. Every change is written to the acting association's audit log.
 */
@Singleton
public class AgreementService {

    static final String AUDIT_TYPE = "agreement";
    /** How many days ahead an agreement's end needs attention. */
    public static final int EXPIRING_DAYS = 90;
    private static final int ATTENTION_LIMIT = 20;
    private static final int TITLE_LENGTH = 300;
    private static final int FORM_LENGTH = 1000;

    private final CallerContext callers;
    private final AgreementQueries agreements;
    private final AgreementAccess access;
    private final MemberService members;
    private final TenantAuditLog audit;
    private final BudgetQueries budget;
    private final NetworkService networks;
    private final EventService events;
    private final PartyChecks partyChecks;
    private final PartnershipSettings settings;
    private final Clock clock;

    public AgreementService(CallerContext callers, AgreementQueries agreements, AgreementAccess access,
                            MemberService members, TenantAuditLog audit,
                            BudgetQueries budget, NetworkService networks, EventService events,
                            PartyChecks partyChecks, PartnershipSettings settings, Clock clock) {
        this.partyChecks = partyChecks;
        this.settings = settings;
        this.clock = clock;
        this.budget = budget;
        this.networks = networks;
        this.events = events;
        this.callers = callers;
        this.agreements = agreements;
        this.access = access;
        this.members = members;
        this.audit = audit;
    }

    /**
     * Records an agreement owned by the caller's association.
     *
     * @throws ApiException.BadRequest for an invalid field or party (the error names the party's index)
     * @throws ApiException.Conflict   for a status other than DRAFT while another association has to confirm
     */
    @Transactional
    public AgreementResponse create(AgreementCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementQueries.Terms terms = terms(command);
        List<NewParty> parties = partyChecks.check(command.parties(), caller.tenantCode());
        Set<String> others = otherAssociations(parties, caller.tenantCode());
        requireDraftUntilConfirmed(terms.status(), others);
        UUID id = agreements.insert(caller.tenantCode(), terms, caller.username());
        agreements.replaceParties(id, caller.tenantCode(), parties);
        agreements.requestConfirmations(id, caller.tenantCode(), others, Set.of(), caller.username());
        AgreementResponse created = agreements.find(id).orElseThrow();
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id, AuditMessage.named("agreement.created",
                "Recorded the agreement " + created.title().in(null), created.title().in(null)), null, created);
        return created;
    }

    /** Agreements the caller's association owns or has confirmed, a page at a time, newest first. */
    @Transactional(readOnly = true)
    public AgreementPage search(@Nullable AgreementType type, @Nullable AgreementStatus status,
                                @Nullable Long memberId, int page, int size) {
        Caller caller = callers.requireTenantUser();
        return agreements.search(caller.tenantCode(), type, status, memberId, page, size);
    }

    /** The agreement, if the caller's association owns it or one of its members is a party. */
    @Transactional(readOnly = true)
    public AgreementResponse get(UUID id) {
        return access.visible(id, callers.requireTenantUser());
    }

    /**
     * Replaces an agreement's terms and parties. Parties already there keep their ids (and commitments); an
     * association whose members among the parties change is asked to confirm anew.
     *
     * @throws ApiException.BadRequest when {@code version} is missing or a field or party is invalid
     * @throws ApiException.Conflict   when {@code version} is stale (with the current state), when a removed party
     *                                 has commitments or spending, or for a status other than DRAFT while another
     *                                 association has to confirm
     */
    @Transactional
    public AgreementResponse update(UUID id, AgreementCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse current = access.managed(id, caller);
        if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(Problem.FieldError.field("version", "version.required", "must not be null")))
                    .withCode("version.required");
        }
        if (command.version() != current.version()) {
            throw new ApiException.Conflict("The agreement was changed by someone else; here is its current state.",
                    current).withCode("version.stale");
        }
        AgreementQueries.Terms terms = terms(command);
        List<NewParty> parties = partyChecks.check(command.parties(), caller.tenantCode());
        Set<String> others = otherAssociations(parties, caller.tenantCode());
        Set<String> changed = changedAssociations(current.parties(), parties, caller.tenantCode());
        Set<String> unconfirmed = new HashSet<>(others);
        current.confirmations().stream().filter(decision -> decision.status() == ConfirmationStatus.CONFIRMED
                && !changed.contains(decision.tenant())).forEach(decision -> unconfirmed.remove(decision.tenant()));
        requireDraftUntilConfirmed(terms.status(), unconfirmed);
        Set<String> kept = new HashSet<>(parties.stream().map(NewParty::identity).toList());
        for (PartyResponse party : current.parties()) {
            if (!kept.contains(NewParty.identityOf(party)) && budget.hasEntries(party.id())) {
                throw new ApiException.Conflict("The party " + party.label() + " has commitments or spending and "
                        + "cannot be removed.").withCode("party.hasEntries");
            }
        }
        agreements.update(id, current.version(), terms);
        agreements.replaceParties(id, caller.tenantCode(), parties);
        agreements.requestConfirmations(id, caller.tenantCode(), others, changed, caller.username());
        AgreementResponse updated = agreements.find(id).orElseThrow();
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, AuditMessage.named("agreement.updated",
                "Changed the agreement " + updated.title().in(null), updated.title().in(null)), current, updated);
        return updated;
    }

    /**
     * The association's agreements that need its administrators' attention: those in force ending within
     * {@link #EXPIRING_DAYS} days, and those whose next review is past or within the reminder period; at most 20 of
     * each, soonest first.
     */
    @Transactional(readOnly = true)
    public AgreementAttention attention() {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        LocalDate today = LocalDate.now(clock);
        return new AgreementAttention(
                agreements.ending(caller.tenantCode(), today, today.plusDays(EXPIRING_DAYS), ATTENTION_LIMIT),
                agreements.reviewsBy(caller.tenantCode(), today.plusDays(settings.reviewReminderDays()),
                        ATTENTION_LIMIT));
    }

    /** Agreements of other associations that name members of the caller's association, newest first. */
    @Transactional(readOnly = true)
    public List<ConfirmationResponse> confirmations(@Nullable ConfirmationStatus status) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        return agreements.confirmationsOf(caller.tenantCode(), status).stream()
                .map(asked -> asked.withMembers(asked.members().stream().map(this::namedFromRegister).toList()))
                .toList();
    }

    /** The party with its name from the association's own register, until the agreement carries the name. */
    private PartyResponse namedFromRegister(PartyResponse party) {
        return party.memberName() != null || !members.exists(party.memberId()) ? party
                : party.withMemberName(members.get(party.memberId()).name());
    }

    /**
     * Confirms, for the caller's association, an agreement of another association that names its members; their
     * names are copied from the association's register into the agreement.
     *
     * @throws ApiException.NotFound when no confirmation was asked of the caller's association
     * @throws ApiException.Conflict when it was confirmed already, or a named member is not in the register
     */
    @Transactional
    public AgreementResponse confirm(UUID id) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        ConfirmationStatus status = agreements.lockConfirmation(id, caller.tenantCode())
                .orElseThrow(AgreementAccess::notFound);
        if (status == ConfirmationStatus.CONFIRMED) {
            throw new ApiException.Conflict("Your association has confirmed this agreement already.")
                    .withCode("agreement.confirmedAlready");
        }
        AgreementResponse agreement = access.visible(id, caller);
        for (PartyResponse party : agreement.parties()) {
            if (caller.tenantCode().equals(party.tenant())) {
                if (!members.exists(party.memberId())) {
                    throw new ApiException.Conflict("The agreement names member " + party.memberId()
                            + ", which is not in your association's register.").withCode("party.unknownMember");
                }
                agreements.nameMember(party.id(), members.get(party.memberId()).name());
            }
        }
        agreements.confirm(id, caller.tenantCode(), caller.username());
        AgreementResponse confirmed = access.visible(id, caller);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, AuditMessage.named("agreement.confirmed",
                "Confirmed the agreement " + confirmed.title().in(null), confirmed.title().in(null))
                .with("owner", confirmed.owner()), agreement, confirmed);
        return confirmed;
    }

    private static void requireDraftUntilConfirmed(AgreementStatus status, Set<String> unconfirmed) {
        if (status != AgreementStatus.DRAFT && !unconfirmed.isEmpty()) {
            throw new ApiException.Conflict("The agreement stays a DRAFT until " + String.join(", ",
                    new TreeSet<>(unconfirmed)) + " confirmed it.").withCode("agreement.unconfirmed");
        }
    }

    private static Set<String> otherAssociations(List<NewParty> parties, String owner) {
        Set<String> others = new TreeSet<>();
        parties.stream().filter(party -> party.kind() == PartyKind.MEMBER && !owner.equals(party.tenant()))
                .forEach(party -> others.add(party.tenant()));
        return others;
    }

    /** The other associations whose members among the parties differ between {@code before} and {@code after}. */
    private static Set<String> changedAssociations(List<PartyResponse> before, List<NewParty> after, String owner) {
        Map<String, Set<Long>> was = new HashMap<>();
        before.stream().filter(party -> party.kind() == PartyKind.MEMBER)
                .forEach(party -> was.computeIfAbsent(party.tenant(), tenant -> new HashSet<>()).add(party.memberId()));
        Map<String, Set<Long>> is = new HashMap<>();
        after.stream().filter(party -> party.kind() == PartyKind.MEMBER)
                .forEach(party -> is.computeIfAbsent(party.tenant(), tenant -> new HashSet<>()).add(party.memberId()));
        Set<String> changed = new HashSet<>();
        for (String tenant : is.keySet()) {
            if (!tenant.equals(owner) && was.containsKey(tenant) && !was.get(tenant).equals(is.get(tenant))) {
                changed.add(tenant);
            }
        }
        return changed;
    }

    private AgreementQueries.Terms terms(AgreementCommand command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalizedText title = command.title().normalized();
        if (title.isEmpty()) {
            errors.add(Problem.FieldError.field("title", "text.required",
                    "must be given in at least one of lv, lt, en"));
        }
        if (title.longest() > TITLE_LENGTH) {
            errors.add(Problem.FieldError.field("title", "text.tooLong", "must be at most " + TITLE_LENGTH
                    + " characters", TITLE_LENGTH));
        }
        List<LocalizedText> forms = new ArrayList<>();
        List<LocalizedText> given = Objects.requireNonNullElse(command.formsOfCooperation(), List.of());
        for (int i = 0; i < given.size(); i++) {
            LocalizedText form = given.get(i).normalized();
            if (form.isEmpty() || form.longest() > FORM_LENGTH) {
                errors.add(Problem.FieldError.field("formsOfCooperation[" + i + "]", "text.invalid",
                        "must be given in at least one of lv, lt, en, each up to " + FORM_LENGTH + " characters", i));
            }
            forms.add(form);
        }
        boolean community = command.type() == AgreementType.COMMUNITY_PARTNERSHIP;
        if (community && command.legalForm() == null) {
            errors.add(Problem.FieldError.field("legalForm", "agreement.legalFormRequired",
                    "a community partnership needs its legal form"));
        }
        if (!community && command.legalForm() != null) {
            errors.add(Problem.FieldError.field("legalForm", "agreement.legalFormNotApplicable",
                    "only community partnerships have a legal form"));
        }
        if (command.startsOn() != null && command.endsOn() != null && command.endsOn().isBefore(command.startsOn())) {
            errors.add(Problem.FieldError.field("endsOn", "period.endsBeforeStart", "must not be before startsOn"));
        }
        List<UUID> networkIds = links(command.networkIds(), "networkIds", "link.unknownNetwork", networks::get, errors);
        List<UUID> eventIds = links(command.eventIds(), "eventIds", "link.unknownEvent", events::get, errors);
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The agreement has invalid fields.", errors)
                    .withCode("agreement.invalid");
        }
        return new AgreementQueries.Terms(command.type(), title, command.legalForm(), forms,
                blankToNull(command.purpose()), command.signedOn(), blankToNull(command.signedPlace()),
                command.startsOn(), command.endsOn(), command.nextReviewOn(),
                command.status() == null ? AgreementStatus.DRAFT : command.status(), networkIds, eventIds);
    }

    /**
     * The linked ids, each once; an id the caller's association cannot see is an error naming its index (so the
     * refusal says no more than that the caller cannot see it).
     */
    private static List<UUID> links(@Nullable List<UUID> ids, String field, String code,
                                    Consumer<UUID> visible, List<Problem.FieldError> errors) {
        List<UUID> links = new ArrayList<>();
        List<UUID> given = Objects.requireNonNullElse(ids, List.of());
        for (int i = 0; i < given.size(); i++) {
            if (links.contains(given.get(i))) {
                continue;
            }
            try {
                visible.accept(given.get(i));
                links.add(given.get(i));
            } catch (ApiException.NotFound e) {
                errors.add(Problem.FieldError.field(field + "[" + i + "]", code, "is not visible to the association",
                        i));
            }
        }
        return links;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
