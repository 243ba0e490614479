package eu.koopera.accounts;

import eu.koopera.platform.security.Roles;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Operators manage operator accounts. */
@Controller("/api/platform/operators")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(Roles.PLATFORM_OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class OperatorsController {

    private final OperatorService operators;

    OperatorsController(OperatorService operators) {
        this.operators = operators;
    }

    @Get
    List<UserResponse> list() {
        return operators.list();
    }

    @Post
    HttpResponse<UserResponse> create(@Body @Valid CreateOperatorRequest request) {
        UserResponse created = operators.create(request.username(), request.password(), request.email(),
                request.displayName());
        return HttpResponse.created(created,
                UriBuilder.of("/api/platform/operators").path(created.username()).build());
    }

    @Patch("/{username}")
    UserResponse update(@PathVariable String username, @Body @Valid UpdateOperatorRequest request) {
        return operators.setEnabled(username, request.enabled());
    }

    @Serdeable
    record CreateOperatorRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+",
                    message = "may contain letters, digits and . _ @ - only") String username,
            @NotBlank @Size(max = 1024) String password,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Size(max = 200) String displayName) {
    }

    @Serdeable
    record UpdateOperatorRequest(@NotNull Boolean enabled) {
    }
}
