package eu.koopera.accounts;

import eu.koopera.platform.web.ClientAddresses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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
 * Login, token refresh and logout. Tenant users send their tenant as {@code X-Tenant} (or use their tenant's
 * host name); operators send none.
 */
@Controller("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final LoginService logins;
    private final TokenService tokens;
    private final ClientAddresses addresses;

    AuthController(LoginService logins, TokenService tokens, ClientAddresses addresses) {
        this.logins = logins;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @Post("/login")
    TokenResponse login(HttpRequest<?> http, @Body @Valid LoginRequest request) {
        return tokens.issue(logins.authenticate(request.username(), request.password(), addresses.of(http))
                .caller());
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
    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
    }

    @Serdeable
    record RefreshRequest(@JsonProperty("refresh_token") @NotBlank @Size(max = 128) String refreshToken) {
    }
}
