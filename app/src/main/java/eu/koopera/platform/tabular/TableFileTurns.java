package eu.koopera.platform.tabular;

import eu.koopera.platform.concurrency.CpuBoundWork;
import eu.koopera.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gives imports and exports their turn: at most {@link TableFileSettings#permits()} at once in the process and
 * {@link TableFileSettings#permitsPerTenant()} for one association, so that one association's (or an attacker's)
 * hundred parallel exports neither exhaust memory nor crowd out everybody else. A request that does not get its
 * turn within {@link TableFileSettings#maxWait()} is answered 429 with {@code Retry-After} and code
 * {@code files.busy}.
 */
@Singleton
public class TableFileTurns {

    private final TableFileSettings settings;
    private final Semaphore global;
    private final Map<String, Semaphore> perTenant = new ConcurrentHashMap<>();
    private final CpuBoundWork cpu;

    public TableFileTurns(TableFileSettings settings) {
        this.settings = settings;
        this.global = new Semaphore(settings.permits(), true);
        this.cpu = new CpuBoundWork("table-files", settings.permits());
    }

    /**
     * Parses or writes a file — pure computation on values, no database — on platform threads of its own
     * ({@link CpuBoundWork}), so that a workbook never holds the carrier of a request's virtual thread. Call it
     * inside {@link #inTurn}, which bounds how many run at once.
     */
    public <T> T compute(Supplier<T> work) {
        return cpu.run(work);
    }

    /**
     * Runs {@code work} in a turn of {@code tenant}'s (null for platform-wide work).
     *
     * @throws ApiException.TooManyAttempts when no turn came within the configured wait
     */
    public <T> T inTurn(String tenant, Supplier<T> work) {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        Semaphore own = perTenant.computeIfAbsent(tenant == null ? "" : tenant,
                key -> new Semaphore(settings.permitsPerTenant(), true));
        acquire(own, deadline);
        try {
            acquire(global, deadline);
            try {
                return work.get();
            } finally {
                global.release();
            }
        } finally {
            own.release();
        }
    }

    private void acquire(Semaphore turns, long deadline) {
        try {
            if (!turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private ApiException busy() {
        return new ApiException.TooManyAttempts("Too many imports and exports at once: try again in a moment.",
                Math.max(1, settings.maxWait().toSeconds())).withCode("files.busy");
    }
}
