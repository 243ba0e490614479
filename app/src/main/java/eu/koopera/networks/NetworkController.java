package eu.koopera.networks;

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

import java.util.List;
import java.util.UUID;

/** Networks the caller's association owns or takes part in. Roles are checked in {@link NetworkService}. */
@Controller("/api/networks")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NetworkController {

    private final NetworkService service;

    NetworkController(NetworkService service) {
        this.service = service;
    }

    @Post
    HttpResponse<NetworkResponse> create(@Body @Valid NetworkCommand command) {
        NetworkResponse created = service.create(command);
        return HttpResponse.created(created, UriBuilder.of("/api/networks").path(created.id().toString()).build());
    }

    @Get
    NetworkPage search(@QueryValue("q") @Nullable @Size(max = 200) String query,
                       @QueryValue @Nullable NetworkStatus status,
                       @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                       @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.search(query, status, page, size);
    }

    @Get("/{id}")
    NetworkResponse get(@PathVariable UUID id) {
        return service.get(id);
    }

    @Put("/{id}")
    NetworkResponse update(@PathVariable UUID id, @Body @Valid NetworkCommand command) {
        return service.update(id, command);
    }

    @Post("/{id}/coordinators")
    HttpResponse<CoordinatorResponse> addCoordinator(@PathVariable UUID id, @Body @Valid CoordinatorCommand command) {
        return HttpResponse.created(service.addCoordinator(id, command));
    }

    @Get("/{id}/coordinators")
    List<CoordinatorResponse> coordinators(@PathVariable UUID id) {
        return service.coordinators(id);
    }

    @Get("/{id}/feed")
    FeedPage feed(@PathVariable UUID id,
                  @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                  @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return service.feed(id, page, size);
    }
}
