package eu.koopera.accounts;

import eu.koopera.platform.security.Roles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;

import java.util.List;

/** An association's administrators manage its accounts. */
@Controller("/api/users")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(Roles.ASSOCIATION_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {

    private final UserAdminService users;

    UsersController(UserAdminService users) {
        this.users = users;
    }

    @Get
    List<UserResponse> list() {
        return users.list();
    }

    @Patch("/{id}")
    UserResponse update(@PathVariable long id, @Body @Valid UpdateUserCommand command) {
        return users.update(id, command);
    }
}
