package eu.koopera.benchlearning;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Open data: an association that opts in publishes its indicator catalogue and values to anyone, read-only, in a
 * Kolada-like shape. An association that has not opted in (or does not exist) answers 404 alike.
 */
@Singleton
public class OpenDataService {

    static final String AUDIT_TYPE = "open-data";

    private final CallerContext callers;
    private final OpenDataQueries queries;
    private final IndicatorQueries indicators;
    private final TenantAdmission admission;
    private final TransactionOperations<Connection> transactions;
    private final TenantAuditLog audit;

    public OpenDataService(CallerContext callers, OpenDataQueries queries, IndicatorQueries indicators,
                           TenantAdmission admission, TransactionOperations<Connection> transactions,
                           TenantAuditLog audit) {
        this.callers = callers;
        this.queries = queries;
        this.indicators = indicators;
        this.admission = admission;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public OpenData.Setting setting() {
        callers.requireTenantUser();
        return new OpenData.Setting(queries.enabled());
    }

    /** Turns publishing on or off; administrators only. */
    @Transactional
    public OpenData.Setting publish(boolean enabled) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        boolean before = queries.enabled();
        queries.enable(enabled, caller.username());
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, "open-data", enabled ? "published" : "withdrawn",
                Map.of("enabled", before), Map.of("enabled", enabled));
        return new OpenData.Setting(enabled);
    }

    /**
     * The published catalogue of {@code tenantCode}. Binds the tenant itself, so it must not be called while a
     * connection is open.
     */
    public OpenData.Indicators indicators(String tenantCode) {
        return published(tenantCode, () -> {
            List<OpenData.Kpi> kpis = indicators.list(null).stream()
                    .map(i -> new OpenData.Kpi(i.code(), i.name(), i.description(), i.unit(), i.direction(),
                            i.genderSplit(), i.serviceArea(), i.source()))
                    .toList();
            return new OpenData.Indicators(kpis.size(), kpis);
        });
    }

    /**
     * One page of published values, grouped by indicator, municipality (member code) and year.
     *
     * @param page from 0
     * @param pageLink builds the address of another page from its number
     */
    public OpenData.Values values(String tenantCode, @Nullable String indicator, @Nullable String municipality,
                                  List<Integer> years, int page, int size,
                                  java.util.function.IntFunction<String> pageLink) {
        if (indicator == null && municipality == null) {
            throw new ApiException.BadRequest("Name an indicator or a municipality (or both).")
                    .withCode("openData.filter.required");
        }
        return published(tenantCode, () -> {
            List<OpenDataQueries.Row> rows = queries.values(indicator, municipality, years, page * size, size);
            List<OpenData.Value> values = new ArrayList<>();
            List<OpenData.GenderValue> genders = null;
            String group = null;
            for (OpenDataQueries.Row row : rows) {
                String key = row.indicator() + "|" + row.municipality() + "|" + row.year();
                if (!key.equals(group)) {
                    group = key;
                    genders = new ArrayList<>();
                    values.add(new OpenData.Value(row.indicator(), row.municipality(), row.municipalityName(),
                            row.year(), genders));
                }
                genders.add(new OpenData.GenderValue(row.gender(), row.value(), row.status()));
            }
            int count = rows.isEmpty() ? 0 : rows.getFirst().groups();
            String next = count > (page + 1) * size ? pageLink.apply(page + 1) : null;
            return new OpenData.Values(count, values, next);
        });
    }

    private <T> T published(String tenantCode, java.util.function.Supplier<T> read) {
        Tenant tenant;
        try {
            tenant = admission.admit(tenantCode);
        } catch (ApiException e) {
            throw notPublished();
        }
        return admission.callAs(Admission.of(tenant), () -> transactions.executeRead(status -> {
            if (!queries.enabled()) {
                throw notPublished();
            }
            return read.get();
        }));
    }

    private static ApiException notPublished() {
        return new ApiException.NotFound("This association publishes no open data.").withCode("openData.none");
    }
}
