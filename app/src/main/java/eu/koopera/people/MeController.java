package eu.koopera.people;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

/** The caller's own account, person and organisation. */
@Controller("/api/me")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeController {

    private final PeopleService service;

    MeController(PeopleService service) {
        this.service = service;
    }

    @Get
    MeResponse me() {
        return service.me();
    }

    @Put("/profile")
    PersonResponse updateProfile(@Body @Valid ProfileCommand command) {
        return service.updateOwnProfile(command);
    }
}
