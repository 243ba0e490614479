package eu.koopera.people;

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
import jakarta.validation.constraints.Size;

/**
 * The invitee's side, open to anyone holding the link. The tenant comes from the path, not from a token or header;
 * {@link InvitationService} binds it for the work.
 */
@Controller("/api/public/invitations/{tenant}/{token}")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicInvitationController {

    private final InvitationService service;

    PublicInvitationController(InvitationService service) {
        this.service = service;
    }

    @Get
    InvitationInfo describe(@PathVariable @Size(max = 31) String tenant, @PathVariable @Size(max = 64) String token) {
        return service.describe(tenant, token);
    }

    @Post("/accept")
    HttpResponse<AcceptedInvitation> accept(@PathVariable @Size(max = 31) String tenant,
                                            @PathVariable @Size(max = 64) String token,
                                            @Body @Valid AcceptInvitationCommand command) {
        return HttpResponse.created(service.accept(tenant, token, command.username(), command.password()));
    }
}
