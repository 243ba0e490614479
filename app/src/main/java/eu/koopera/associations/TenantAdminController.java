package eu.koopera.associations;

import eu.koopera.platform.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;

import java.util.List;

/** The operators' API for tenants. */
@Controller("/api/platform/tenants")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(Roles.PLATFORM_OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantAdminController {

    private final TenantAdminService service;

    TenantAdminController(TenantAdminService service) {
        this.service = service;
    }

    @Post
    HttpResponse<TenantResponse> create(@Body @Valid CreateTenantCommand command) {
        TenantResponse created = service.create(command);
        return HttpResponse.created(created,
                UriBuilder.of("/api/platform/tenants").path(created.code()).build());
    }

    @Get
    List<TenantResponse> list() {
        return service.list();
    }

    @Get("/{code}")
    TenantResponse get(@PathVariable String code) {
        return service.get(code);
    }

    @Patch("/{code}")
    TenantResponse update(@PathVariable String code, @Body @Valid UpdateTenantCommand command) {
        return service.update(code, command);
    }

    @Post("/{code}/users")
    HttpResponse<TenantUserResponse> createUser(@PathVariable String code,
                                                @Body @Valid CreateTenantUserCommand command) {
        return HttpResponse.created(service.createUser(code, command));
    }
}
