package eu.koopera.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Administrators' side of invitations. Roles are checked in {@link InvitationService}. */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationController {

    private final InvitationService service;

    InvitationController(InvitationService service) {
        this.service = service;
    }

    @Post("/people/{id}/invitations")
    HttpResponse<InvitationResponse> invite(@PathVariable long id, @Body @Valid InvitationCommand command) {
        InvitationResponse created = service.invite(id, command);
        return HttpResponse.created(created,
                UriBuilder.of("/api/invitations").path(created.id().toString()).build());
    }

    @Get("/invitations")
    InvitationPage list(@QueryValue @Nullable InvitationStatus status,
                        @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.list(status, page, size);
    }

    @Get("/invitations/{id}")
    InvitationResponse get(@PathVariable long id) {
        return service.get(id);
    }

    @Post("/invitations/{id}/resend")
    InvitationResponse resend(@PathVariable long id) {
        return service.resend(id);
    }

    @Post("/invitations/{id}/revoke")
    InvitationResponse revoke(@PathVariable long id) {
        return service.revoke(id);
    }
}
