package eu.koopera.networks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

/** Invitations of associations, leaving, and the municipalities taking part. Roles are checked in the service. */
@Controller("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ParticipationController {

    private final ParticipationService service;

    ParticipationController(ParticipationService service) {
        this.service = service;
    }

    @Post("/networks/{id}/invitations")
    HttpResponse<NetworkInvitationResponse> invite(@PathVariable UUID id, @Body @Valid InvitationCommand command) {
        return HttpResponse.created(service.invite(id, command));
    }

    @Get("/networks/{id}/invitations")
    List<NetworkInvitationResponse> sent(@PathVariable UUID id) {
        return service.sent(id);
    }

    @Get("/network-invitations")
    List<NetworkInvitationResponse> received() {
        return service.received();
    }

    @Post("/network-invitations/{id}/accept")
    NetworkResponse accept(@PathVariable UUID id, @Body @Valid AcceptInvitationCommand command) {
        return service.accept(id, command);
    }

    @Post("/network-invitations/{id}/decline")
    NetworkInvitationResponse decline(@PathVariable UUID id) {
        return service.decline(id);
    }

    @Post("/networks/{id}/leave")
    HttpResponse<Void> leave(@PathVariable UUID id) {
        service.leave(id);
        return HttpResponse.noContent();
    }

    @Get("/networks/{id}/participants")
    List<ParticipantResponse> participants(@PathVariable UUID id) {
        return service.participants(id);
    }

    @Post("/networks/{id}/participants")
    HttpResponse<ParticipantResponse> addParticipant(@PathVariable UUID id, @Body @Valid ParticipantCommand command) {
        return HttpResponse.created(service.addParticipant(id, command));
    }

    @Delete("/networks/{id}/participants")
    HttpResponse<Void> removeParticipant(@PathVariable UUID id, @Body @Valid ParticipantCommand command) {
        service.removeParticipant(id, command);
        return HttpResponse.noContent();
    }
}
