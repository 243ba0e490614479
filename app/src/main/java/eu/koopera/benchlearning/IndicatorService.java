package eu.koopera.benchlearning;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The association's indicator catalogue. Every user of the association reads it; administrators and network
 * coordinators define indicators. Every change is audited.
 */
@Singleton
public class IndicatorService {

    static final String AUDIT_TYPE = "indicator";
    private static final int NAME_LENGTH = 200;
    private static final int DESCRIPTION_LENGTH = 4_000;

    private final CallerContext callers;
    private final IndicatorQueries indicators;
    private final TenantAuditLog audit;
    private final PlatformIndicatorQueries platformIndicators;

    public IndicatorService(CallerContext callers, IndicatorQueries indicators, TenantAuditLog audit,
                            PlatformIndicatorQueries platformIndicators) {
        this.callers = callers;
        this.platformIndicators = platformIndicators;
        this.indicators = indicators;
        this.audit = audit;
    }

    /**
     * Adds an indicator to the catalogue.
     *
     * @throws ApiException.BadRequest when a field is invalid
     * @throws ApiException.Conflict   when the code is taken
     */
    @Transactional
    public Indicator create(IndicatorCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        if (command.code() == null) {
            throw new ApiException.BadRequest("The indicator has invalid fields.",
                    List.of(new Problem.FieldError("code", "must not be null", null, null, "required", List.of())));
        }
        LocalizedText name = command.name().normalized();
        LocalizedText description = description(command);
        validate(name, description);
        Indicator created = indicators.insert(command.code(), command, name, description)
                .orElseThrow(() -> new ApiException.Conflict("An indicator with this code exists already.")
                        .withCode("indicator.code.taken"));
        audit.record(AuditAction.CREATE, AUDIT_TYPE, created.code(), AuditMessage.named("indicator.created",
                "Defined the indicator " + name.in(null), name.in(null)).with("code", created.code()), null, created);
        return created;
    }

    /**
     * Replaces an indicator's definition; its code stays.
     *
     * @throws ApiException.NotFound   when there is no such indicator
     * @throws ApiException.BadRequest when {@code version} is missing or a field is invalid
     * @throws ApiException.Conflict   when {@code version} is stale (with the current state)
     */
    @Transactional
    public Indicator update(String code, IndicatorCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        Indicator current = get(code);
        if (current.platform()) {
            throw new ApiException.Conflict("The indicator is the platform's; only operators change it.", current)
                    .withCode("indicator.platform.readOnly");
        }
        if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null", null, null, "required",
                            List.of())));
        }
        LocalizedText name = command.name().normalized();
        LocalizedText description = description(command);
        validate(name, description);
        Indicator updated = indicators.update(code, command.version(), command, name, description)
                .orElseThrow(() -> new ApiException.Conflict(
                        "The indicator was changed by someone else; here is its current state.", current)
                        .withCode("stale-version"));
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, code, AuditMessage.named("indicator.updated",
                "Changed the indicator " + name.in(null), name.in(null)).with("code", code), current, updated);
        return updated;
    }

    /**
     * Adopts an indicator of the platform's catalogue: the association can then import values of it and compare
     * on it; its definition stays the platform's.
     *
     * @throws ApiException.NotFound when the platform has no such indicator
     * @throws ApiException.Conflict when the association has an indicator with its code
     */
    @Transactional
    public Indicator adopt(String code) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        Indicator platform = platformIndicators.find(code).orElseThrow(() -> unknown(code));
        Indicator adopted = indicators.insertAdopted(platform).orElseThrow(() -> new ApiException.Conflict(
                "The association has an indicator with this code already.").withCode("indicator.code.taken"));
        audit.record(AuditAction.CREATE, AUDIT_TYPE, code, AuditMessage.named("indicator.adopted",
                "Adopted the platform indicator " + platform.name().in(null), platform.name().in(null))
                .with("code", code), null, adopted);
        return adopted;
    }

    /** An indicator of the catalogue. */
    @Transactional(readOnly = true)
    public Indicator get(String code) {
        callers.requireTenantUser();
        return indicators.find(code).orElseThrow(() -> unknown(code));
    }

    /** The catalogue, optionally only one service area, by code. */
    @Transactional(readOnly = true)
    public List<Indicator> list(@Nullable String serviceArea) {
        callers.requireTenantUser();
        return indicators.list(serviceArea);
    }

    static ApiException unknown(String code) {
        return new ApiException.NotFound("There is no indicator " + code + " in the association.")
                .withCode("indicator.unknown");
    }

    static @Nullable LocalizedText description(IndicatorCommand command) {
        if (command.description() == null) {
            return null;
        }
        LocalizedText description = command.description().normalized();
        return description.isEmpty() ? null : description;
    }

    static void validate(LocalizedText name, @Nullable LocalizedText description) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(new Problem.FieldError("name", "must be given in at least one of lv, lt, en", null, null,
                    "text.oneLanguage", List.of()));
        }
        if (name.longest() > NAME_LENGTH) {
            errors.add(new Problem.FieldError("name", "must be at most " + NAME_LENGTH + " characters", null, null,
                    "text.tooLong", List.of(Integer.toString(NAME_LENGTH))));
        }
        if (description != null && description.longest() > DESCRIPTION_LENGTH) {
            errors.add(new Problem.FieldError("description", "must be at most " + DESCRIPTION_LENGTH
                    + " characters", null, null, "text.tooLong", List.of(Integer.toString(DESCRIPTION_LENGTH))));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The indicator has invalid fields.", errors);
        }
    }
}
