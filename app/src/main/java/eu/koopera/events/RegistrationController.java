package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** What registrants and organisers do with a registration. Roles are checked in {@link RegistrationService}. */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Get("/registrations/{id}")
    RegistrationResponse get(@PathVariable UUID id) {
        return registrations.get(id);
    }

    @Get("/me/event-registrations")
    List<RegistrationResponse> mine() {
        return registrations.mine();
    }

    @Post("/registrations/{id}/cancel")
    RegistrationResponse cancel(@PathVariable UUID id) {
        return registrations.cancel(id);
    }

    @Post("/registrations/{id}/approve")
    RegistrationResponse approve(@PathVariable UUID id) {
        return registrations.approve(id);
    }

    @Post("/registrations/{id}/reject")
    RegistrationResponse reject(@PathVariable UUID id, @Body @Valid @Nullable DecisionCommand command) {
        return registrations.reject(id, command);
    }

    @Post("/registrations/{id}/confirm")
    RegistrationResponse confirm(@PathVariable UUID id) {
        return registrations.confirm(id);
    }

    @Post("/registrations/{id}/accept-offer")
    RegistrationResponse acceptOffer(@PathVariable UUID id) {
        return registrations.acceptOffer(id);
    }

    @Post("/registrations/{id}/decline-offer")
    RegistrationResponse declineOffer(@PathVariable UUID id) {
        return registrations.declineOffer(id);
    }
}
