package eu.koopera.accounts;

import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules every new password follows: at least {@link #MIN_LENGTH} characters, not one of the common passwords
 * shipped in {@code accounts/common-passwords.txt} (compared ignoring case), and not the account's name. The same
 * rules apply to passwords set through the API, the UI, a reset link and the start-up settings
 * {@code KOOPERA_ADMIN_PASSWORD} and {@code KOOPERA_DEMO_PASSWORD}.
 */
@Singleton
public class PasswordPolicy {

    /** The shortest password allowed. */
    public static final int MIN_LENGTH = 12;
    /** The longest password allowed, so that hashing one stays cheap. */
    public static final int MAX_LENGTH = 256;
    private static final String COMMON_PASSWORDS = "accounts/common-passwords.txt";

    private final Set<String> common = load();

    /**
     * What is wrong with {@code password} as the new password of {@code username}, as field errors of
     * {@code field} with codes {@code password-too-short}, {@code password-too-long}, {@code password-too-common}
     * and {@code password-same-as-username}; empty when it is fine.
     */
    public List<Problem.FieldError> violations(String field, String username, String password) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            errors.add(error(field, "must be at least " + MIN_LENGTH + " characters", "password-too-short",
                    List.of(String.valueOf(MIN_LENGTH))));
        } else if (length > MAX_LENGTH) {
            errors.add(error(field, "must be at most " + MAX_LENGTH + " characters", "password-too-long",
                    List.of(String.valueOf(MAX_LENGTH))));
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            errors.add(error(field, "is one of the most common passwords", "password-too-common", List.of()));
        }
        if (folded.equals(username.strip().toLowerCase(Locale.ROOT))) {
            errors.add(error(field, "must differ from the username", "password-same-as-username", List.of()));
        }
        return errors;
    }

    /**
     * Refuses a password that breaks the rules.
     *
     * @throws ApiException.BadRequest with the violations as field errors of {@code field}
     */
    public void require(String field, String username, String password) {
        List<Problem.FieldError> errors = violations(field, username, password);
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The new password does not follow the password rules.", errors)
                    .withCode(errors.getFirst().code());
        }
    }

    private static Problem.FieldError error(String field, String message, String code, List<String> params) {
        return new Problem.FieldError(field, message, null, null, code, params);
    }

    private static Set<String> load() {
        InputStream stream = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (stream == null) {
            throw new IllegalStateException("The list of common passwords is missing: " + COMMON_PASSWORDS);
        }
        Set<String> passwords = new HashSet<>(65_536);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> passwords.add(line.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
