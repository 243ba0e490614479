package eu.koopera.platform.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Argon2id password hashing with the OWASP baseline parameters (19 MiB, 2 iterations, 1 lane). Hashes are PHC
 * strings that carry their own parameters, so raising the cost later keeps old hashes verifiable.
 */
@Singleton
public class PasswordHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES,
            Argon2.ID);
    /** Verified against when the account does not exist, so that unknown names take as long as wrong passwords. */
    private final String decoy = hash("decoy-password-for-timing");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the time of one verification without any account. */
    public void verifyDecoy(String password) {
        matches(password, decoy);
    }
}
