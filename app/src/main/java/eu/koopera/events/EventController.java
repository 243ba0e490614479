package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events the caller's association organises, and registrations for them. Roles are checked in the services. */
@Controller("/api/events")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {

    private final EventService events;
    private final RegistrationService registrations;

    EventController(EventService events, RegistrationService registrations) {
        this.events = events;
        this.registrations = registrations;
    }

    @Post
    HttpResponse<EventResponse> create(@Body @Valid EventCommand command) {
        EventResponse created = events.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/events").path(created.id().toString()).build());
    }

    @Get
    EventPage search(@QueryValue @Nullable EventStatus status, @QueryValue @Nullable EventKind kind,
                     @QueryValue @Nullable Instant from,
                     @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                     @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return events.search(status, kind, from, page, size);
    }

    @Get("/{id}")
    EventResponse get(@PathVariable UUID id) {
        return events.get(id);
    }

    @Put("/{id}")
    EventResponse update(@PathVariable UUID id, @Body @Valid EventCommand command) {
        return events.update(id, command);
    }

    @Post("/{id}/co-organisers")
    HttpResponse<EventResponse> addCoOrganiser(@PathVariable UUID id, @Body @Valid CoOrganiserCommand command) {
        return HttpResponse.created(events.addCoOrganiser(id, command));
    }

    @Put("/{id}/organisers/{tenant}")
    EventResponse setSeatQuota(@PathVariable UUID id, @PathVariable @Size(max = 31) String tenant,
                               @Body @Valid SeatQuotaCommand command) {
        return events.setSeatQuota(id, tenant, command.seatQuota());
    }

    @Post("/{id}/registrations")
    HttpResponse<RegistrationResponse> register(@PathVariable UUID id, @Body @Valid RegistrationCommand command) {
        RegistrationResponse created = registrations.register(id, command);
        return HttpResponse.created(created,
                UriBuilder.of("/api/registrations").path(created.id().toString()).build());
    }

    @Get("/{id}/registrations")
    List<RegistrationResponse> registrations(@PathVariable UUID id, @QueryValue @Nullable RegistrationStatus status) {
        return registrations.list(id, status);
    }
}
