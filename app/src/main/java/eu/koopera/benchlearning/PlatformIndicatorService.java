package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.PlatformSharedWrites;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;

/**
 * The platform's indicator catalogue: defined once by operators in {@code shared}, read by everyone signed in and
 * adopted by associations ({@link IndicatorService#adopt}). A changed definition is copied into every association
 * that adopted it.
 */
@Singleton
public class PlatformIndicatorService {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformIndicatorService.class);

    private final CallerContext callers;
    private final PlatformIndicatorQueries platform;
    private final IndicatorQueries indicators;
    private final PlatformSharedWrites writes;
    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final TransactionOperations<Connection> transactions;

    public PlatformIndicatorService(CallerContext callers, PlatformIndicatorQueries platform,
                                    IndicatorQueries indicators, PlatformSharedWrites writes,
                                    TenantRegistry registry, TenantAdmission admission,
                                    TransactionOperations<Connection> transactions) {
        this.callers = callers;
        this.platform = platform;
        this.indicators = indicators;
        this.writes = writes;
        this.registry = registry;
        this.admission = admission;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    public List<Indicator> list() {
        callers.current().orElseThrow(() -> new ApiException.Unauthorized("Sign in first."));
        return platform.list();
    }

    @Transactional(readOnly = true)
    public Indicator get(String code) {
        callers.current().orElseThrow(() -> new ApiException.Unauthorized("Sign in first."));
        return platform.find(code).orElseThrow(() -> IndicatorService.unknown(code));
    }

    /**
     * Adds an indicator to the platform's catalogue; operators only.
     *
     * @throws ApiException.Conflict when the code is taken
     */
    public Indicator create(IndicatorCommand command) {
        callers.requireOperator();
        if (command.code() == null) {
            throw new ApiException.BadRequest("The indicator has invalid fields.",
                    List.of(new Problem.FieldError("code", "must not be null", null, null, "required", List.of())));
        }
        LocalizedText name = command.name().normalized();
        LocalizedText description = IndicatorService.description(command);
        IndicatorService.validate(name, description);
        return writes.write("indicator.create", command.code(), () -> platform.insert(command, name, description)
                .orElseThrow(() -> new ApiException.Conflict("A platform indicator with this code exists already.")
                        .withCode("indicator.code.taken")));
    }

    /**
     * Changes a platform indicator's definition and refreshes the copies of the associations that adopted it.
     *
     * @throws ApiException.Conflict when {@code version} is stale (with the current state)
     */
    public Indicator update(String code, IndicatorCommand command) {
        callers.requireOperator();
        Indicator current = transactions.executeRead(status -> platform.find(code))
                .orElseThrow(() -> IndicatorService.unknown(code));
        if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null", null, null, "required",
                            List.of())));
        }
        LocalizedText name = command.name().normalized();
        LocalizedText description = IndicatorService.description(command);
        IndicatorService.validate(name, description);
        Indicator updated = writes.write("indicator.update", code, () -> platform.update(code, command.version(),
                command, name, description).orElseThrow(() -> new ApiException.Conflict(
                "The indicator was changed by someone else; here is its current state.", current)
                .withCode("stale-version")));
        int refreshed = 0;
        for (Tenant tenant : registry.all()) {
            if (!tenant.isActive()) {
                continue;
            }
            try {
                Tenant admitted = admission.admit(tenant.code());
                if (admission.callAs(Admission.of(admitted), () -> transactions.executeWrite(
                        status -> indicators.refreshAdopted(updated)))) {
                    refreshed++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Platform indicator {} not refreshed in {}: {}", code, tenant.code(), e.toString());
            }
        }
        LOG.info("Platform indicator {} changed; refreshed in {} association(s)", code, refreshed);
        return updated;
    }
}
