package eu.koopera.platform.concurrency;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs CPU-heavy work — a password hash, a workbook — on platform threads of its own while the caller parks.
 * Requests run on virtual threads, which share one carrier thread per core: a virtual thread that computes for a
 * hundred milliseconds holds its carrier all that time, so two hashes on two cores stopped every other request,
 * {@code /health} included, and requests that held a database connection could not give it back (measured: 200
 * parallel logins, {@code /health} at 12 s and 49 logins without a connection). On platform threads the operating
 * system shares the cores between this work and the carriers, and the caller's virtual thread, parked on the result,
 * frees its carrier. The work sees none of the caller's propagated context: give it plain values only.
 */
public final class CpuBoundWork {

    private final ExecutorService threads;

    /**
     * @param name    the threads' name prefix
     * @param threads how many pieces of work run at once; callers bound their own concurrency, this bounds the pool
     */
    public CpuBoundWork(String name, int threads) {
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(name + "-", 0).daemon()
                .factory());
    }

    /** The result of {@code work}, computed on one of this pool's threads; its exceptions are thrown as they are. */
    public <T> T run(Supplier<T> work) {
        Future<T> result = threads.submit(work::get);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for CPU-bound work", e);
        }
    }
}
