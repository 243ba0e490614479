package eu.koopera.networks;

import io.micronaut.http.HttpResponse;
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

/** Pilot applications of a network. Roles are checked in {@link PilotApplicationService}. */
@Controller("/api/networks/{id}/applications")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PilotApplicationController {

    private final PilotApplicationService service;

    PilotApplicationController(PilotApplicationService service) {
        this.service = service;
    }

    @Post
    HttpResponse<ApplicationResponse> apply(@PathVariable UUID id, @Body @Valid ApplicationCommand command) {
        return HttpResponse.created(service.apply(id, command));
    }

    @Get
    List<ApplicationResponse> list(@PathVariable UUID id) {
        return service.list(id);
    }

    @Post("/{applicationId}/accept")
    ApplicationResponse accept(@PathVariable UUID id, @PathVariable UUID applicationId,
                               @Body @Valid DecisionCommand command) {
        return service.accept(id, applicationId, command);
    }

    @Post("/{applicationId}/reject")
    ApplicationResponse reject(@PathVariable UUID id, @PathVariable UUID applicationId,
                               @Body @Valid DecisionCommand command) {
        return service.reject(id, applicationId, command);
    }
}
