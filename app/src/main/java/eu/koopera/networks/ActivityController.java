package eu.koopera.networks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** Pilot activities of networks. Roles are checked in {@link ActivityService}. */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActivityController {

    private final ActivityService service;

    ActivityController(ActivityService service) {
        this.service = service;
    }

    @Post("/networks/{id}/activities")
    HttpResponse<ActivityResponse> create(@PathVariable UUID id, @Body @Valid ActivityCommand command) {
        return HttpResponse.created(service.create(id, command));
    }

    @Get("/networks/{id}/activities")
    List<ActivityResponse> list(@PathVariable UUID id) {
        return service.list(id);
    }

    @Put("/activities/{id}")
    ActivityResponse update(@PathVariable UUID id, @Body @Valid ActivityCommand command) {
        return service.update(id, command);
    }
}
