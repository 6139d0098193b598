package org.mtboard.engine.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a job over [0, total) split into one contiguous chunk per thread, on persistent worker
 * threads, without allocating per dispatch (the calling thread takes chunk 0). The split depends
 * only on total and the thread count; envs never share state, so results do not depend on it.
 */
public final class ChunkPool implements AutoCloseable {
    /** The work of one chunk. */
    @FunctionalInterface
    public interface ChunkJob {
        void run(int from, int to, int worker);
    }

    private static final int SPINS_BEFORE_PARK = 20_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private ChunkJob job;
    private int total;
    private volatile Throwable failure;

    /** @param name the workers' thread-name prefix (they are named NAME-1, NAME-2, ...) */
    public ChunkPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int k = 1; k < threads; k++) {
            int worker = k;
            Thread t = new Thread(() -> workerLoop(worker), name + "-" + k);
            t.setDaemon(true);
            workers[k - 1] = t;
            t.start();
        }
    }

    public int threads() {
        return threads;
    }

    /** The worker threads (not the caller's), for per-thread accounting; do not modify. */
    Thread[] workerThreads() {
        return workers;
    }

    private int chunkStart(int worker) {
        return (int) ((long) total * worker / threads);
    }

    public void run(ChunkJob job, int total) {
        if (threads == 1) {
            job.run(0, total, 0);
            return;
        }
        this.job = job;
        this.total = total;
        pending.set(threads - 1);
        generation = generation + 1; // volatile write publishes job and total
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable own = null;
        try {
            job.run(0, chunkStart(1), 0);
        } catch (Throwable t) {
            own = t;
        }
        // Even when the caller's own chunk failed, the workers finish theirs first: a caller that
        // went on would see the next dispatch's pending count taken down by this one's workers and
        // return while they still wrote into its arrays.
        while (pending.get() != 0) {
            Thread.onSpinWait();
        }
        Throwable error = failure;
        failure = null;
        if (own != null) {
            if (error != null) {
                own.addSuppressed(error);
            }
            if (own instanceof RuntimeException r) {
                throw r;
            }
            if (own instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(own);
        }
        if (error != null) {
            throw new IllegalStateException("simulation worker failed: " + error.getMessage(), error);
        }
    }

    private void workerLoop(int worker) {
        int seen = 0;
        int spins = 0;
        while (!closed) {
            int g = generation;
            if (g == seen) {
                if (++spins < SPINS_BEFORE_PARK) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
                continue;
            }
            seen = g;
            spins = 0;
            try {
                job.run(chunkStart(worker), chunkStart(worker + 1), worker);
            } catch (Throwable t) {
                failure = t;
            }
            pending.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
