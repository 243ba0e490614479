package eu.koopera.platform.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import eu.koopera.platform.concurrency.CpuBoundWork;
import eu.koopera.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id password hashing with the OWASP baseline parameters (19 MiB, 2 iterations, 1 lane). Hashes are PHC
 * strings that carry their own parameters, so raising the cost later keeps old hashes verifiable.
 *
 * <p>At most {@link PasswordHashingSettings#permits()} hashes run at once, decoys included; a caller that does not
 * get its turn within {@link PasswordHashingSettings#maxWait()} gets {@link ApiException.TooManyAttempts}, so
 * memory stays bounded whatever the number of parallel logins. Hashes run on platform threads of their own
 * ({@link CpuBoundWork}), so that they never hold the carriers of the requests' virtual threads.
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
    private final String decoy = Password.hash("decoy-password-for-timing").addRandomSalt(16).with(argon2)
            .getResult();
    private final Semaphore turns;
    private final PasswordHashingSettings settings;
    private final CpuBoundWork cpu;

    public PasswordHasher(PasswordHashingSettings settings) {
        this.settings = settings;
        this.turns = new Semaphore(settings.permits(), true);
        this.cpu = new CpuBoundWork("password-hashing", settings.permits());
    }

    /**
     * A new PHC hash of {@code password}.
     *
     * @throws ApiException.TooManyAttempts when too many hashes are already running
     */
    public String hash(String password) {
        return inTurn(() -> Password.hash(password).addRandomSalt(16).with(argon2).getResult());
    }

    /**
     * Whether {@code password} matches {@code hash}.
     *
     * @throws ApiException.TooManyAttempts when too many hashes are already running
     */
    public boolean matches(String password, String hash) {
        return inTurn(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    /**
     * Spends the time of one verification without any account, waiting for its turn like a real one.
     *
     * @throws ApiException.TooManyAttempts when too many hashes are already running
     */
    public void verifyDecoy(String password) {
        matches(password, decoy);
    }

    private <T> T inTurn(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return cpu.run(work);
        } finally {
            turns.release();
        }
    }

    private ApiException busy() {
        return new ApiException.TooManyAttempts("Too many logins at once: try again in a moment.",
                Math.max(1, settings.maxWait().toSeconds()));
    }
}
