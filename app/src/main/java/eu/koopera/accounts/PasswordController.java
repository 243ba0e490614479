package eu.koopera.accounts;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The caller's own password. Changing it ends the caller's other sessions; the answer carries the tokens of a new
 * one, since the token used for the change is refused from then on.
 */
@Controller("/api/me/password")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PasswordController {

    private final PasswordService passwords;

    PasswordController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @Put
    TokenResponse change(@Body @Valid ChangePasswordRequest request) {
        return passwords.changeOwnAndStartSession(request.currentPassword(), request.newPassword());
    }

    @Serdeable
    record ChangePasswordRequest(@NotBlank @Size(max = 1024) String currentPassword,
                                 @NotBlank @Size(max = 1024) String newPassword) {
    }
}
