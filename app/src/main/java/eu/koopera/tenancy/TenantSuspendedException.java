package eu.koopera.tenancy;

import eu.koopera.platform.web.ApiException;
import io.micronaut.http.HttpStatus;

/** The association's access is suspended by the platform operators, so it admits no work (403). */
public final class TenantSuspendedException extends ApiException {

    public TenantSuspendedException() {
        super("This association's access is suspended.");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String type() {
        return "tenant-suspended";
    }
}
