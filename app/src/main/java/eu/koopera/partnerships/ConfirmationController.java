package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/** Agreements of other associations that name the caller's association's members, to confirm. */
@Controller("/api/agreement-confirmations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ConfirmationController {

    private final AgreementService agreements;

    ConfirmationController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Get
    List<ConfirmationResponse> list(@QueryValue @Nullable ConfirmationStatus status) {
        return agreements.confirmations(status);
    }
}
