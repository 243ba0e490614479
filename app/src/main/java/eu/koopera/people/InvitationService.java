package eu.koopera.people;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.accounts.AccountService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.OpaqueTokens;
import eu.koopera.platform.security.Roles;
import eu.koopera.accounts.TenantUser;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantContext;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Invitations for people to become users of their association. Administrators invite, resend and revoke; the
 * mail is written to the outbox in the same transaction as the invitation. The invitee, still anonymous, looks
 * the invitation up by the link's token and accepts it by choosing credentials, which creates the account, links
 * it to the person and marks the invitation accepted in one transaction. Only the SHA-256 of a token is stored.
 */
@Singleton
public class InvitationService {

    /** How close to its expiry an invitation counts as expiring soon. */
    public static final java.time.Duration EXPIRING_SOON = java.time.Duration.ofDays(2);

    static final String AUDIT_TYPE = "invitation";
    static final String ACCOUNT_AUDIT_TYPE = "account";
    static final int MIN_PASSWORD_LENGTH = 12;

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$");

    private final CallerContext callers;
    private final TenantContext tenants;
    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final InvitationQueries queries;
    private final PersonRepository persons;
    private final PeopleQueries people;
    private final AccountService accounts;
    private final InvitationMail mail;
    private final TenantAuditLog audit;
    private final InvitationSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final OpaqueTokens tokens;

    public InvitationService(CallerContext callers, TenantContext tenants, TenantRegistry registry,
                             TenantAdmission admission,
                             InvitationQueries queries, PersonRepository persons, PeopleQueries people,
                             AccountService accounts, InvitationMail mail, TenantAuditLog audit,
                             InvitationSettings settings, TransactionOperations<Connection> transactions,
                             OpaqueTokens tokens) {
        this.callers = callers;
        this.tenants = tenants;
        this.registry = registry;
        this.admission = admission;
        this.queries = queries;
        this.persons = persons;
        this.people = people;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.settings = settings;
        this.transactions = transactions;
        this.tokens = tokens;
    }

    /**
     * Invites a person with an email address and no account yet; a pending invitation of theirs is revoked and
     * replaced.
     *
     * @throws ApiException.NotFound   for an unknown person
     * @throws ApiException.BadRequest for roles that do not exist inside a tenant
     * @throws ApiException.Conflict   when the person has no email address or already has an account
     */
    @Transactional
    public InvitationResponse invite(long personId, InvitationCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Set<String> roles = validRoles(command.roles());
        Instant now = Instant.now();
        InvitationQueries.Invitee person = queries.lockInvitee(personId)
                .orElseThrow(() -> new ApiException.NotFound("No person with this id.")
                        .withCode("person.not-found"));
        requireInvitable(person);
        queries.lockPendingOf(personId).ifPresent(pending -> replace(pending, now));
        String token = tokens.generate();
        Instant expiresAt = now.plus(settings.ttl());
        long id = queries.insert(personId, person.email(), tokens.hash(token), TenantUser.joinRoles(roles), expiresAt,
                caller.username());
        InvitationResponse created = load(id, now);
        mail.enqueue(currentTenant(), person.email(), person.fullName(), token, expiresAt);
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id,
                AuditMessage.named("invitation.sent", "invited " + person.fullName(), person.fullName()), null,
                created);
        return created;
    }

    /**
     * Sends a pending or expired invitation again with a new token and expiry, to the person's current address;
     * the old link stops working.
     *
     * @throws ApiException.Conflict when it was accepted or revoked, or the person cannot be invited any more
     */
    @Transactional
    public InvitationResponse resend(long id) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Instant now = Instant.now();
        InvitationQueries.Row row = queries.lock(id).orElseThrow(InvitationService::notFound);
        InvitationStatus status = row.effectiveStatus(now);
        if (status == InvitationStatus.ACCEPTED || status == InvitationStatus.REVOKED) {
            throw new ApiException.Conflict("This invitation was " + status.name().toLowerCase()
                    + " and cannot be sent again; create a new one.").withCode("invitation.closed");
        }
        InvitationQueries.Invitee person = queries.lockInvitee(row.personId()).orElseThrow(InvitationService::notFound);
        requireInvitable(person);
        if (queries.lockPendingOf(person.id()).filter(pending -> pending.id() != id).isPresent()) {
            throw new ApiException.Conflict("The person has a newer pending invitation; resend that one.")
                    .withCode("invitation.superseded");
        }
        InvitationResponse before = load(id, now);
        String token = tokens.generate();
        Instant expiresAt = now.plus(settings.ttl());
        queries.renew(id, tokens.hash(token), person.email(), expiresAt);
        InvitationResponse after = load(id, now);
        mail.enqueue(currentTenant(), person.email(), person.fullName(), token, expiresAt);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id,
                AuditMessage.named("invitation.resent", "resent to " + person.fullName(), person.fullName()),
                before, after);
        return after;
    }

    /**
     * Withdraws a pending invitation; its link stops working.
     *
     * @throws ApiException.Conflict when it is not pending
     */
    @Transactional
    public InvitationResponse revoke(long id) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Instant now = Instant.now();
        InvitationQueries.Row row = queries.lock(id).orElseThrow(InvitationService::notFound);
        if (!InvitationStatus.PENDING.name().equals(row.status())) {
            throw new ApiException.Conflict("Only a pending invitation can be revoked.")
                    .withCode("invitation.not-pending");
        }
        InvitationResponse before = load(id, now);
        queries.setStatus(id, InvitationStatus.REVOKED, null);
        InvitationResponse after = load(id, now);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, AuditMessage.named("invitation.revoked",
                "revoked invitation of " + before.personName(), before.personName()), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public InvitationResponse get(long id) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return load(id, Instant.now());
    }

    /** Open invitations, and how many of them expire within {@link #EXPIRING_SOON}. */
    @Transactional(readOnly = true)
    public InvitationSummary summary() {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Instant now = Instant.now();
        return queries.summary(now, now.plus(EXPIRING_SOON));
    }

    /** Invitations in {@code status} as it stands now (all when null), newest first. */
    @Transactional(readOnly = true)
    public InvitationPage list(@Nullable InvitationStatus status, int page, int size) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return queries.list(status, page, size, Instant.now());
    }

    /**
     * What an invitation link offers, for the anonymous page it leads to. Binds the tenant named in the link
     * itself, so it must not be called while a connection is open.
     *
     * @throws ApiException.NotFound   for an unknown tenant or token
     * @throws InvitationGoneException when the invitation expired, was revoked or was already accepted
     */
    public InvitationInfo describe(String tenantCode, String token) {
        Tenant tenant = publicTenant(tenantCode);
        String hash = hashOfToken(token);
        return admission.callAs(Admission.of(tenant), () -> transactions.executeRead(status -> {
            InvitationQueries.Row row = queries.findByTokenHash(hash).orElseThrow(InvitationService::unknownLink);
            requireUsable(row, Instant.now());
            PersonResponse person = people.find(row.personId()).orElseThrow(InvitationService::unknownLink);
            requireStillAddressed(row, person.email());
            return new InvitationInfo(tenant.code(), tenant.name(), person.fullName(), row.email(), row.roles(),
                    row.expiresAt(), tenant.defaultLocale());
        }));
    }

    /**
     * Accepts an invitation: creates the account with the invitation's roles, links it to the person and marks
     * the invitation accepted, all in one transaction. Binds the tenant named in the link itself, so it must not
     * be called while a connection is open.
     *
     * @throws ApiException.BadRequest when the username or password does not meet the rules
     * @throws ApiException.NotFound   for an unknown tenant or token
     * @throws InvitationGoneException when the invitation expired, was revoked or was already accepted
     * @throws ApiException.Conflict   when the username is taken or the person already has an account
     */
    public AcceptedInvitation accept(String tenantCode, String token, String username, String password) {
        validateCredentials(username, password);
        Tenant tenant = publicTenant(tenantCode);
        String hash = hashOfToken(token);
        return admission.callAs(Admission.of(tenant), () -> transactions.executeWrite(status -> {
            Instant now = Instant.now();
            InvitationQueries.Row row = queries.lockByTokenHash(hash).orElseThrow(InvitationService::unknownLink);
            requireUsable(row, now);
            InvitationQueries.Invitee invitee = queries.lockInvitee(row.personId())
                    .orElseThrow(InvitationService::unknownLink);
            requireStillAddressed(row, invitee.email());
            if (invitee.userId() != null) {
                throw new ApiException.Conflict("This person already has an account; log in instead.")
                        .withCode("person.has-account");
            }
            InvitationResponse invitationBefore = load(row.id(), now);
            PersonResponse personBefore = people.find(invitee.id()).orElseThrow(InvitationService::unknownLink);
            TenantUser user = accounts.createUserInCurrentTenant(new AccountService.NewUser(username.strip(),
                    password, row.email(), invitee.fullName(), new TreeSet<>(row.roles()), tenant.defaultLocale()));
            Person person = persons.findById(invitee.id()).orElseThrow(InvitationService::unknownLink);
            persons.update(person.withUser(user.id(), now));
            queries.setStatus(row.id(), InvitationStatus.ACCEPTED, now);
            String actor = user.username();
            audit.recordAs(actor, AuditAction.CREATE, ACCOUNT_AUDIT_TYPE, user.id(),
                    AuditMessage.named("account.created", actor, actor)
                            .with("roles", String.join(",", new TreeSet<>(user.roleSet()))), null,
                    MeResponse.Account.of(user));
            audit.recordAs(actor, AuditAction.UPDATE, PeopleService.AUDIT_TYPE, invitee.id(),
                    AuditMessage.named("person.account_linked", invitee.fullName() + ": account " + actor
                            + " linked", invitee.fullName()).with("username", actor), personBefore,
                    people.find(invitee.id()).orElseThrow(InvitationService::unknownLink));
            audit.recordAs(actor, AuditAction.UPDATE, AUDIT_TYPE, row.id(), AuditMessage.named("invitation.accepted",
                    "accepted by " + actor, invitee.fullName()).with("username", actor), invitationBefore,
                    load(row.id(), now));
            return new AcceptedInvitation(tenant.code(), actor, List.copyOf(user.roleSet()), invitee.id());
        }));
    }

    private void replace(InvitationQueries.Row pending, Instant now) {
        InvitationResponse before = load(pending.id(), now);
        InvitationStatus ended = pending.effectiveStatus(now) == InvitationStatus.EXPIRED
                ? InvitationStatus.EXPIRED : InvitationStatus.REVOKED;
        queries.setStatus(pending.id(), ended, null);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, pending.id(), AuditMessage.named("invitation.replaced",
                "replaced by a new invitation", before.personName()), before, load(pending.id(), now));
    }

    private static void requireInvitable(InvitationQueries.Invitee person) {
        if (person.email() == null) {
            throw new ApiException.Conflict("The person has no email address to send an invitation to.")
                    .withCode("person.no-email");
        }
        if (person.userId() != null) {
            throw new ApiException.Conflict("The person already has an account.").withCode("person.has-account");
        }
    }

    /**
     * An invitation is only good for the address it was sent to: once an administrator corrects the person's email,
     * whoever received the old mail must not be able to take the account.
     */
    private static void requireStillAddressed(InvitationQueries.Row row, @Nullable String currentEmail) {
        if (currentEmail == null || !currentEmail.equalsIgnoreCase(row.email())) {
            throw new InvitationGoneException(InvitationGoneException.Reason.REVOKED);
        }
    }

    private static void requireUsable(InvitationQueries.Row row, Instant now) {
        switch (row.effectiveStatus(now)) {
            case PENDING -> {
            }
            case ACCEPTED -> throw new InvitationGoneException(InvitationGoneException.Reason.USED);
            case REVOKED -> throw new InvitationGoneException(InvitationGoneException.Reason.REVOKED);
            case EXPIRED -> throw new InvitationGoneException(InvitationGoneException.Reason.EXPIRED);
        }
    }

    private static Set<String> validRoles(Set<String> roles) {
        List<Problem.FieldError> errors = new ArrayList<>();
        roles.stream().filter(role -> !Roles.TENANT_ROLES.contains(role)).forEach(role ->
                errors.add(Problem.FieldError.field("roles", "role.unknown", "unknown tenant role: " + role, role)));
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The request has invalid fields.", errors).withCode("invalid-fields");
        }
        return new TreeSet<>(roles);
    }

    private static void validateCredentials(String username, String password) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            errors.add(Problem.FieldError.field("username", "account.username.format",
                    "must be 2 to 64 letters, digits or . _ @ -, starting with a letter or digit"));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 256) {
            errors.add(Problem.FieldError.field("password", "account.password.length", "must be "
                    + MIN_PASSWORD_LENGTH + " to 256 characters long", MIN_PASSWORD_LENGTH, 256));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The request has invalid fields.", errors).withCode("invalid-fields");
        }
    }

    /** The tenant named in a public link, which must be able to serve requests. */
    private Tenant publicTenant(String code) {
        try {
            return admission.admit(code);
        } catch (ApiException.NotFound e) {
            throw unknownLink();
        }
    }

    private Tenant currentTenant() {
        String code = tenants.require().code();
        return registry.find(code).orElseThrow(() -> new IllegalStateException("Tenant vanished: " + code));
    }

    private InvitationResponse load(long id, Instant now) {
        return queries.find(id, now).orElseThrow(InvitationService::notFound);
    }

    private String hashOfToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw unknownLink();
        }
        return tokens.hash(token);
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("No invitation with this id.").withCode("invitation.not-found");
    }

    private static ApiException unknownLink() {
        return new ApiException.NotFound("This invitation link is not valid; check that it was copied completely.")
                .withCode("invitation.link-invalid");
    }
}
