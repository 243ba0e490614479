package eu.koopera.benchlearning;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.jooq.tenant.tables.records.ImprovementPlanRecord;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberService;
import eu.koopera.networks.NetworkService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Improvement plans: a member organisation chooses a service, sets targets on indicators from a baseline, and lists
 * actions; progress follows the values as they are imported. Administrators and network coordinators write any
 * member's plans; a municipal user reads and writes only their own organisation's.
 */
@Singleton
public class PlanService {

    static final String AUDIT_TYPE = "improvement-plan";

    private final CallerContext callers;
    private final PlanQueries plans;
    private final IndicatorQueries indicators;
    private final MemberService members;
    private final PeopleService people;
    private final NetworkService networks;
    private final TenantAuditLog audit;

    public PlanService(CallerContext callers, PlanQueries plans, IndicatorQueries indicators, MemberService members,
                       PeopleService people, NetworkService networks, TenantAuditLog audit) {
        this.callers = callers;
        this.plans = plans;
        this.indicators = indicators;
        this.members = members;
        this.people = people;
        this.networks = networks;
        this.audit = audit;
    }

    /**
     * Writes a new plan.
     *
     * @throws ApiException.Forbidden  when a municipal user writes for another organisation
     * @throws ApiException.BadRequest when a target is invalid or its baseline cannot be found
     */
    @Transactional
    public Plan create(PlanCommand command) {
        Caller caller = callers.requireTenantUser();
        requireMember(command.member());
        requireOwn(caller, command.member());
        if (command.network() != null) {
            networks.get(command.network());
        }
        List<PlanCommand.Target> targets = resolve(command);
        long id = plans.insert(command, caller.username());
        plans.replaceParts(id, targets, actions(command));
        Plan created = plans.find(id).orElseThrow();
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id, created.service(), null, created);
        return created;
    }

    /**
     * Replaces a plan, its targets and its actions; the member it belongs to stays.
     *
     * @throws ApiException.NotFound   when there is no such plan (or it is another organisation's)
     * @throws ApiException.BadRequest when {@code version} is missing, the member differs or a target is invalid
     * @throws ApiException.Conflict   when {@code version} is stale (with the current state)
     */
    @Transactional
    public Plan update(long id, PlanCommand command) {
        Caller caller = callers.requireTenantUser();
        ImprovementPlanRecord stored = plans.lock(id).orElseThrow(() -> unknown(id));
        if (!mayRead(caller, stored.getMemberId())) {
            throw unknown(id);
        }
        Plan before = plans.find(id).orElseThrow();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (command.version() == null) {
            errors.add(error("version", "must not be null", "required"));
        }
        if (!command.member().equals(stored.getMemberId())) {
            errors.add(error("member", "a plan stays with its member", "plan.member.fixed"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The plan has invalid fields.", errors);
        }
        if (command.network() != null) {
            networks.get(command.network());
        }
        List<PlanCommand.Target> targets = resolve(command);
        if (!plans.update(id, command.version(), command)) {
            throw new ApiException.Conflict("The plan was changed by someone else; here is its current state.",
                    before).withCode("stale-version");
        }
        plans.replaceParts(id, targets, actions(command));
        Plan after = plans.find(id).orElseThrow();
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, after.service(), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public Plan get(long id) {
        Caller caller = callers.requireTenantUser();
        Plan plan = plans.find(id).orElseThrow(() -> unknown(id));
        if (!mayRead(caller, plan.member())) {
            throw unknown(id);
        }
        return plan;
    }

    /** Plans of one member or (for administrators and coordinators) all; a municipal user gets their own. */
    @Transactional(readOnly = true)
    public List<Plan> list(@Nullable Long member) {
        Caller caller = callers.requireTenantUser();
        if (isStaff(caller)) {
            return plans.list(member);
        }
        Long own = ownMember();
        if (own == null || (member != null && !member.equals(own))) {
            return List.of();
        }
        return plans.list(own);
    }

    private List<PlanCommand.Target> resolve(PlanCommand command) {
        List<PlanCommand.Target> targets = command.targets() == null ? List.of() : command.targets();
        Map<String, Indicator> known = indicators.byCodes(targets.stream().map(PlanCommand.Target::indicator)
                .distinct().toList());
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<PlanCommand.Target> resolved = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            PlanCommand.Target target = targets.get(i);
            String field = "targets[" + i + "]";
            String gender = target.gender() == null ? "T" : target.gender();
            Indicator indicator = known.get(target.indicator());
            if (indicator == null) {
                errors.add(error(field + ".indicator", "unknown indicator", "indicator.unknown", target.indicator()));
                continue;
            }
            if (!"T".equals(gender) && !indicator.genderSplit()) {
                errors.add(error(field + ".gender", "the indicator has no values by gender",
                        "indicator.gender.notSplit", target.indicator()));
                continue;
            }
            if (!seen.add(target.indicator() + "|" + gender)) {
                errors.add(error(field + ".indicator", "the indicator is a target twice", "plan.target.duplicate",
                        target.indicator()));
                continue;
            }
            if (target.targetYear() <= target.baselineYear()) {
                errors.add(error(field + ".targetYear", "must be after the baseline year", "plan.target.year"));
                continue;
            }
            BigDecimal baseline = target.baselineValue() != null ? target.baselineValue()
                    : plans.value(target.indicator(), command.member(), target.baselineYear(), gender).orElse(null);
            if (baseline == null) {
                errors.add(error(field + ".baselineValue", "no value in the baseline year; give one",
                        "plan.baseline.missing", target.indicator(), target.baselineYear()));
                continue;
            }
            resolved.add(new PlanCommand.Target(target.indicator(), gender, target.baselineYear(), baseline,
                    target.targetYear(), target.targetValue()));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The plan has invalid targets.", errors);
        }
        return resolved;
    }

    private static List<PlanCommand.Action> actions(PlanCommand command) {
        return command.actions() == null ? List.of() : command.actions();
    }

    private void requireMember(long member) {
        if (!members.exists(member)) {
            throw new ApiException.BadRequest("There is no such member in the association.",
                    List.of(error("member", "no member with this id", "member.unknown")));
        }
    }

    private void requireOwn(Caller caller, long member) {
        if (!isStaff(caller)) {
            Long own = ownMember();
            if (own == null || own != member) {
                throw new ApiException.Forbidden("You may write plans only for your own organisation.")
                        .withCode("plan.member.notOwn");
            }
        }
    }

    private boolean mayRead(Caller caller, long member) {
        if (isStaff(caller)) {
            return true;
        }
        Long own = ownMember();
        return own != null && own == member;
    }

    private static boolean isStaff(Caller caller) {
        return caller.hasRole(Roles.ASSOCIATION_ADMIN) || caller.hasRole(Roles.NETWORK_COORDINATOR);
    }

    private @Nullable Long ownMember() {
        MemberResponse member = people.me().member();
        return member == null ? null : member.id();
    }

    private static Problem.FieldError error(String field, String message, String code, Object... params) {
        return new Problem.FieldError(field, message, null, null, code,
                java.util.Arrays.stream(params).map(String::valueOf).toList());
    }

    static ApiException unknown(long id) {
        return new ApiException.NotFound("There is no plan " + id + " in the association.").withCode("plan.unknown");
    }
}
