package dev.posrecon.core.match;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Work handed to the second core while the calling thread goes on, when the run may use more than one thread.
 * Only work whose result does not depend on when it runs goes there: the output is the same with one thread or two.
 */
public final class Background {
    private Background() {
    }

    /** A one-thread pool of daemon threads named {@code name}; null with {@code threads} 1 (work runs inline). */
    public static ExecutorService pool(String name, int threads) {
        return threads > 1 ? Executors.newSingleThreadExecutor(run -> {
            Thread th = new Thread(run, name);
            th.setDaemon(true);
            return th;
        }) : null;
    }

    /**
     * Runs {@code task} on the pool, or at once without one; the supplier waits for its result and rethrows what
     * the task threw.
     */
    public static <T> Supplier<T> fork(ExecutorService pool, Callable<T> task) {
        if (pool == null) {
            T v = call(task);
            return () -> v;
        }
        Future<T> f = pool.submit(task);
        return () -> {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for work on the second thread", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
