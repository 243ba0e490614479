package eu.koopera.accounts;

import eu.koopera.tenancy.SchemaMigrations;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates the first platform operator, {@code admin}, when there is none: with {@code KOOPERA_ADMIN_PASSWORD} if
 * set, otherwise with a generated password that is printed once.
 */
@Context
class OperatorBootstrap {

    static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final AccountService accounts;
    private final @Nullable String configuredPassword;

    OperatorBootstrap(SchemaMigrations migrations, AccountService accounts,
                      @Nullable @Value("${koopera.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @PostConstruct
    void createFirstOperator() {
        if (accounts.operatorsExist()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        accounts.createOperator(USERNAME, password, null);
        if (generated) {
            LOG.warn("""

                    ==============================================================
                      First platform operator created
                        username: {}
                        password: {}
                      This password is shown only once. Change it after login.
                    ==============================================================""", USERNAME, password);
        } else {
            LOG.info("First platform operator '{}' created with KOOPERA_ADMIN_PASSWORD", USERNAME);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
