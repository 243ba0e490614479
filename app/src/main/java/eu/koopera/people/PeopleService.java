package eu.koopera.people;

import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.accounts.AccountService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.accounts.TenantUser;
import eu.koopera.platform.database.SqlStates;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * People of the member organisations. Association administrators manage them; administrators and network
 * coordinators read everyone, members only the people of their own organisation (the organisation of the person
 * their account is linked to). Users may edit parts of their own person record. Every change is audited in the
 * same transaction.
 */
@Singleton
public class PeopleService {

    static final String AUDIT_TYPE = "person";

    private final CallerContext callers;
    private final PersonRepository persons;
    private final PeopleQueries queries;
    private final MemberService members;
    private final AccountService accounts;
    private final TenantAuditLog audit;

    public PeopleService(CallerContext callers, PersonRepository persons, PeopleQueries queries,
                         MemberService members, AccountService accounts, TenantAuditLog audit) {
        this.callers = callers;
        this.persons = persons;
        this.queries = queries;
        this.members = members;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Registers a person.
     *
     * @throws ApiException.BadRequest for an unknown member or language
     * @throws ApiException.Conflict   when another person has the email
     */
    @Transactional
    public PersonResponse create(PersonCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        List<String> languages = validate(command.memberId(), command.languages());
        String email = ContactRules.blankToNull(command.email());
        if (email != null && queries.emailTaken(email, null)) {
            throw duplicateEmail();
        }
        Person created = save(null, () -> persons.save(Person.create(command, languages, Instant.now())));
        PersonResponse response = load(created.id());
        audit.record(AuditAction.CREATE, AUDIT_TYPE, created.id(),
                AuditMessage.named("person.created", created.fullName(), created.fullName()), null, response);
        return response;
    }

    /** People matching {@code search} that the caller may see, a page at a time, by name. */
    @Transactional(readOnly = true)
    public PersonPage search(PersonSearch search, int page, int size) {
        Caller caller = callers.requireTenantUser();
        PersonPage found;
        if (seesEveryone(caller)) {
            found = queries.search(search, page, size);
        } else {
            Long own = ownMemberId(caller).orElseThrow(() -> new ApiException.Forbidden(
                    "This account is not linked to a member organisation.").withCode("account.no-member"));
            if (search.memberId() != null && !search.memberId().equals(own)) {
                throw new ApiException.Forbidden("Members see only the people of their own organisation.")
                        .withCode("person.other-organisation");
            }
            found = queries.search(search.ofMember(own), page, size);
        }
        return caller.hasRole(Roles.ASSOCIATION_ADMIN) ? found : new PersonPage(found.items().stream()
                .map(PersonResponse::withoutNotes).toList(), found.page(), found.size(), found.total());
    }

    /**
     * The people of one member organisation.
     *
     * @throws ApiException.NotFound for an unknown member
     */
    @Transactional(readOnly = true)
    public PersonPage ofMember(long memberId, int page, int size) {
        if (!members.exists(memberId)) {
            throw new ApiException.NotFound("No member with this id.").withCode("member.not-found");
        }
        return search(new PersonSearch(null, memberId), page, size);
    }

    /** How many of the association's people have no user account yet. */
    @Transactional(readOnly = true)
    public int countWithoutAccount() {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return queries.countWithoutAccount();
    }

    /** @throws ApiException.NotFound when there is no such person or the caller may not see them */
    @Transactional(readOnly = true)
    public PersonResponse get(long id) {
        Caller caller = callers.requireTenantUser();
        PersonResponse person = queries.find(id).orElseThrow(PeopleService::notFound);
        if (seesEveryone(caller)) {
            return caller.hasRole(Roles.ASSOCIATION_ADMIN) ? person : person.withoutNotes();
        }
        if (ownMemberId(caller).filter(own -> own.equals(person.memberId())).isEmpty()) {
            throw notFound();
        }
        return person.withoutNotes();
    }

    /**
     * Replaces a person's details; their account link stays.
     *
     * @throws ApiException.BadRequest when {@code version} is missing, or for an unknown member or language
     * @throws ApiException.Conflict   when the email is taken, or {@code version} is stale (with the current state)
     */
    @Transactional
    public PersonResponse update(long id, PersonCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        requireVersion(command.version());
        Person current = find(id);
        if (!command.version().equals(current.version())) {
            throw staleVersion(id);
        }
        List<String> languages = validate(command.memberId(), command.languages());
        String email = ContactRules.blankToNull(command.email());
        if (email != null && queries.emailTaken(email, id)) {
            throw duplicateEmail();
        }
        PersonResponse before = load(id);
        Person updated = save(id, () -> persons.update(current.withDetails(command, languages, Instant.now())));
        PersonResponse after = load(id);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id,
                AuditMessage.named("person.updated", updated.fullName(), updated.fullName()), before, after);
        return after;
    }

    /** Deletes a person, with their invitations; a linked account stays and is only unlinked. */
    @Transactional
    public void delete(long id) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Person current = find(id);
        PersonResponse before = load(id);
        persons.delete(current);
        audit.record(AuditAction.DELETE, AUDIT_TYPE, id,
                AuditMessage.named("person.deleted", current.fullName(), current.fullName()), before, null);
    }

    /** The caller's account, and the person and organisation it is linked to, if any. */
    @Transactional(readOnly = true)
    public MeResponse me() {
        Caller caller = callers.requireTenantUser();
        TenantUser user = accounts.findTenantUser(caller.username())
                .orElseThrow(() -> new ApiException.Unauthorized("The account no longer exists.")
                        .withCode("account.gone"));
        Optional<PersonResponse> person = persons.findByUserId(user.id()).flatMap(linked -> queries.find(linked.id()))
                .map(found -> caller.hasRole(Roles.ASSOCIATION_ADMIN) ? found : found.withoutNotes());
        MemberResponse member = person.map(found -> members.get(found.memberId())).orElse(null);
        return new MeResponse(MeResponse.Account.of(user), person.orElse(null), member);
    }

    /**
     * Lets users change their own name, position, phone and languages.
     *
     * @throws ApiException.NotFound when the caller's account is not linked to a person
     * @throws ApiException.Conflict when {@code version} is stale (with the current state)
     */
    @Transactional
    public PersonResponse updateOwnProfile(ProfileCommand command) {
        Caller caller = callers.requireTenantUser();
        requireVersion(command.version());
        Person current = accounts.findTenantUser(caller.username()).flatMap(user -> persons.findByUserId(user.id()))
                .orElseThrow(() -> new ApiException.NotFound("This account is not linked to a person.")
                        .withCode("account.no-person"));
        if (!command.version().equals(current.version())) {
            throw staleVersion(current.id());
        }
        List<String> languages = languages(command.languages());
        PersonResponse before = load(current.id());
        Person updated = save(current.id(),
                () -> persons.update(current.withProfile(command, languages, Instant.now())));
        PersonResponse after = load(current.id());
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, updated.id(), AuditMessage.named("person.own_profile_updated",
                updated.fullName() + " (own profile)", updated.fullName()), before, after);
        return caller.hasRole(Roles.ASSOCIATION_ADMIN) ? after : after.withoutNotes();
    }

    private List<String> validate(Long memberId, List<String> codes) {
        if (!members.exists(memberId)) {
            throw new ApiException.BadRequest("The request has invalid fields.",
                    List.of(Problem.FieldError.field("memberId", "member.unknown", "no member with this id")))
                    .withCode("invalid-fields");
        }
        return languages(codes);
    }

    private static List<String> languages(List<String> codes) {
        List<String> languages = ContactRules.normalizeLanguages(codes == null ? List.of() : codes);
        String problem = ContactRules.languageProblem(languages);
        if (problem != null) {
            throw new ApiException.BadRequest("The request has invalid fields.",
                    List.of(Problem.FieldError.field("languages", "person.languages.invalid", problem)))
                    .withCode("invalid-fields");
        }
        return languages;
    }

    private Optional<Long> ownMemberId(Caller caller) {
        return accounts.findTenantUser(caller.username()).flatMap(user -> persons.findByUserId(user.id()))
                .map(Person::memberId);
    }

    private static boolean seesEveryone(Caller caller) {
        return caller.hasRole(Roles.ASSOCIATION_ADMIN) || caller.hasRole(Roles.NETWORK_COORDINATOR);
    }

    /** Runs a write, turning a lost race for the same email or version into a conflict. */
    private Person save(Long id, Supplier<Person> write) {
        try {
            return write.get();
        } catch (OptimisticLockException e) {
            throw staleVersion(id);
        } catch (DataAccessException e) {
            if (SqlStates.uniqueViolation(e)) {
                throw duplicateEmail();
            }
            throw e;
        }
    }

    private PersonResponse load(long id) {
        return queries.find(id).orElseThrow(PeopleService::notFound);
    }

    private Person find(long id) {
        return persons.findById(id).orElseThrow(PeopleService::notFound);
    }

    private static void requireVersion(Long version) {
        if (version == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(Problem.FieldError.field("version", "version.required", "must not be null")))
                    .withCode("version.required");
        }
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("No person with this id.").withCode("person.not-found");
    }

    private static ApiException duplicateEmail() {
        return new ApiException.Conflict("Another person already has this email address.")
                .withCode("person.email.taken");
    }

    private ApiException staleVersion(long id) {
        PersonResponse current = load(id);
        return new ApiException.Conflict("The person was changed by someone else; here is their current state.",
                callers.requireTenantUser().hasRole(Roles.ASSOCIATION_ADMIN) ? current : current.withoutNotes())
                .withCode("person.changed");
    }
}
