package eu.koopera.accounts;

import eu.koopera.platform.web.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Login, token refresh, logout, signing out everywhere and password resets. Tenant users send their tenant as
 * {@code X-Tenant} (or use their tenant's host name); operators send none. An account that must change its
 * password (a generated first password, or a reset its administrator forced) gets 403 with code
 * {@code password-change-required} at login, and signs in by sending {@code newPassword} along.
 */
@Controller("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final LoginService logins;
    private final TokenService tokens;
    private final ClientAddresses addresses;

    private final PasswordService passwords;
    private final SessionService sessions;

    AuthController(LoginService logins, TokenService tokens, ClientAddresses addresses, PasswordService passwords,
                   SessionService sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.logins = logins;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @Post("/login")
    TokenResponse login(HttpRequest<?> http, @Body @Valid LoginRequest request) {
        return tokens.issue(logins.authenticate(request.username(), request.password(), request.newPassword(),
                addresses.of(http)).caller());
    }

    /** Ends every session of the caller: all refresh tokens revoked, all access tokens refused from now on. */
    @Post("/logout-all")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> logoutAll() {
        sessions.endAllOfCaller();
        return HttpResponse.noContent();
    }

    /** Mails a reset link if the account exists; answers 202 with the same body either way. */
    @Post("/password-reset")
    HttpResponse<ResetRequested> requestReset(@Body @Valid ResetRequest request) {
        passwords.requestReset(request.username());
        return HttpResponse.accepted().body(new ResetRequested(
                "If this account exists and has a mail address, a password-reset link was sent to it."));
    }

    /** Sets a new password through a reset link. */
    @Post("/password-reset/{token}")
    HttpResponse<Void> reset(@PathVariable @Size(max = 128) String token, @Body @Valid NewPasswordRequest request) {
        passwords.reset(token, request.newPassword());
        return HttpResponse.noContent();
    }

    @Post("/refresh")
    TokenResponse refresh(@Body @Valid RefreshRequest request) {
        return tokens.refresh(request.refreshToken());
    }

    @Post("/logout")
    HttpResponse<Void> logout(@Body @Valid RefreshRequest request) {
        tokens.revoke(request.refreshToken());
        return HttpResponse.noContent();
    }

    @Serdeable
    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password,
                        @Nullable @Size(max = 1024) String newPassword) {
    }

    @Serdeable
    record ResetRequest(@NotBlank @Size(max = 64) String username) {
    }

    @Serdeable
    record ResetRequested(String detail) {
    }

    @Serdeable
    record NewPasswordRequest(@NotBlank @Size(max = 1024) String newPassword) {
    }

    @Serdeable
    record RefreshRequest(@JsonProperty("refresh_token") @NotBlank @Size(max = 128) String refreshToken) {
    }
}
