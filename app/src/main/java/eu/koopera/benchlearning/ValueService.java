package eu.koopera.benchlearning;

import eu.koopera.platform.security.CallerContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Reads the association's indicator values; every user of the association may. */
@Singleton
public class ValueService {

    private final CallerContext callers;
    private final ValueQueries values;

    public ValueService(CallerContext callers, ValueQueries values) {
        this.callers = callers;
        this.values = values;
    }

    @Transactional(readOnly = true)
    public ValuePage search(@Nullable String indicator, @Nullable Long member, @Nullable Integer yearFrom,
                            @Nullable Integer yearTo, int page, int size) {
        callers.requireTenantUser();
        return values.search(indicator, member, yearFrom, yearTo, page, size);
    }
}
