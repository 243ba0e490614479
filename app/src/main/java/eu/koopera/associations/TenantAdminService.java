package eu.koopera.associations;

import eu.koopera.platform.audit.PlatformAuditLog;
import eu.koopera.accounts.AccountService;
import eu.koopera.audit.SecurityEvents;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.accounts.TenantUser;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantCodes;
import eu.koopera.tenancy.TenantProvisioner;
import eu.koopera.tenancy.TenantRegistry;
import eu.koopera.tenancy.TenantStatus;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What platform operators do with tenants: register, list, rename, suspend, and give them their first users. */
@Singleton
public class TenantAdminService {

    private final CallerContext callers;
    private final TenantProvisioner provisioner;
    private final TenantRegistry registry;
    private final AccountService accounts;
    private final PlatformAuditLog audit;
    private final SecurityEvents events;
    private final TenantAdmission admission;

    public TenantAdminService(CallerContext callers, TenantProvisioner provisioner,
                              TenantRegistry registry, AccountService accounts, PlatformAuditLog audit,
                              SecurityEvents events, TenantAdmission admission) {
        this.callers = callers;
        this.provisioner = provisioner;
        this.registry = registry;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.admission = admission;
    }

    /**
     * Registers a tenant and creates its schema.
     *
     * @throws ApiException.BadRequest for a reserved code
     * @throws ApiException.Conflict   when the code is taken
     */
    public TenantResponse create(CreateTenantCommand command) {
        Caller caller = callers.requireOperator();
        TenantCodes.problemWith(command.code()).ifPresent(problem -> {
            throw new ApiException.BadRequest("The tenant code is not allowed.",
                    List.of(Problem.FieldError.field("code", "tenant.code.not-allowed", problem)))
                    .withCode("invalid-fields");
        });
        try {
            Tenant created = provisioner.create(command.code(), command.name().strip(), command.country(),
                    command.defaultLocale());
            audit.record(caller.username(), "tenant.created", created.code(), created.code(), created.name());
            return TenantResponse.of(created);
        } catch (TenantProvisioner.TenantExistsException e) {
            throw new ApiException.Conflict("A tenant with this code already exists.").withCode("tenant.code.taken");
        }
    }

    public List<TenantResponse> list() {
        callers.requireOperator();
        return registry.all().stream().map(TenantResponse::of).toList();
    }

    public TenantResponse get(String code) {
        callers.requireOperator();
        return TenantResponse.of(find(code));
    }

    /**
     * Renames, suspends or reactivates a tenant.
     *
     * @throws ApiException.Conflict when asked to move a tenant into or out of {@code PROVISIONING}: only its first
     *                               administrator makes a new tenant active
     */
    public TenantResponse update(String code, UpdateTenantCommand command) {
        Caller caller = callers.requireOperator();
        Tenant tenant = find(code);
        String name = command.name() == null ? tenant.name() : command.name().strip();
        TenantStatus status = command.status() == null ? tenant.status() : command.status();
        if (status != tenant.status()
                && (status == TenantStatus.PROVISIONING || tenant.status() == TenantStatus.PROVISIONING)) {
            throw new ApiException.Conflict("A new tenant becomes active when its first administrator is created.")
                    .withCode("tenant.provisioning");
        }
        Tenant updated = registry.update(tenant.withDetails(name, status, Instant.now()));
        audit.record(caller.username(), "tenant.updated", code, code, "name=" + name + ", status=" + status);
        return TenantResponse.of(updated);
    }

    /**
     * Creates a user inside the tenant, typically its first association administrator, whose creation makes a new
     * ({@code PROVISIONING}) tenant active.
     */
    public TenantUserResponse createUser(String code, CreateTenantUserCommand command) {
        Caller caller = callers.requireOperator();
        Tenant tenant = find(code);
        TenantUser user = accounts.createTenantUser(tenant, new AccountService.NewUser(command.username(),
                command.password(), command.email(), command.displayName(), command.roles(), tenant.defaultLocale()));
        audit.record(caller.username(), "tenant.user.created", code, user.username(), String.join(",", user.roleSet()));
        if (tenant.status() == TenantStatus.PROVISIONING && user.roleSet().contains(Roles.ASSOCIATION_ADMIN)) {
            provisioner.activate(tenant);
            audit.record(caller.username(), "tenant.activated", code, code, tenant.name());
        }
        // the association's own log tells its administrators who was given which roles, by which operator
        admission.callAs(new Admission(caller, tenant), () -> {
            events.rolesChanged(user.username(), Set.of(), user.roleSet());
            return null;
        });
        return TenantUserResponse.of(user);
    }

    private Tenant find(String code) {
        return Optional.ofNullable(code).filter(TenantCodes::isValid).flatMap(registry::findCurrent)
                .orElseThrow(() -> new ApiException.NotFound("Unknown tenant.").withCode("tenant.not-found"));
    }
}
