package eu.koopera.accounts;

import eu.koopera.tenancy.SchemaMigrations;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates the first platform operator, {@code admin}, when there is none: with {@code KOOPERA_ADMIN_PASSWORD} if
 * set (it must follow the password rules, or the application does not start), otherwise with a generated password
 * that is printed once to the console, not to the log, and must be changed at first sign-in.
 */
@Context
class OperatorBootstrap {

    static final String USERNAME = "admin";
    static final String SETTING = "KOOPERA_ADMIN_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final AccountService accounts;
    private final @Nullable String configuredPassword;
    private final PrintStream console;

    OperatorBootstrap(SchemaMigrations migrations, AccountService accounts,
                      @Nullable @Value("${koopera.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
        this.console = System.out;
    }

    @PostConstruct
    void createFirstOperator() {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        if (!generated) {
            accounts.requireConfiguredPassword(SETTING, USERNAME, configuredPassword);
        }
        if (accounts.operatorsExist()) {
            return;
        }
        String password = generated ? generatePassword() : configuredPassword;
        accounts.createOperator(USERNAME, password, null, null, generated);
        if (generated) {
            // on the console only: a structured log is shipped and kept where a password must not be
            console.printf("""

                    ==============================================================
                      First platform operator created
                        username: %s
                        password: %s
                      This password is shown only once and must be changed
                      at first sign-in.
                    ==============================================================
                    %n""", USERNAME, password);
            console.flush();
            LOG.warn("First platform operator '{}' created with a generated password, printed once to the console",
                    USERNAME);
        } else {
            LOG.info("First platform operator '{}' created with {}", USERNAME, SETTING);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
