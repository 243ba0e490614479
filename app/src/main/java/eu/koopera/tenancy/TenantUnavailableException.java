package eu.koopera.tenancy;

import eu.koopera.platform.web.ApiException;
import io.micronaut.http.HttpStatus;

/** The tenant's schema is not at the current version, so its data is not served (503). */
public final class TenantUnavailableException extends ApiException {

    public TenantUnavailableException() {
        super("This association's data is being maintained; try again later.");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    @Override
    public String type() {
        return "tenant-unavailable";
    }
}
