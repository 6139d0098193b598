package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChunkPoolTest {
    @Test
    void everyDispatchCoversTheRangeOnceAndItsWritesAreVisibleToTheCaller() {
        int total = 1003;
        int[] seen = new int[total];
        try (ChunkPool pool = new ChunkPool(5, "test-pool")) {
            // More threads than cores, many short dispatches: every one must see all of the last one's writes.
            for (int g = 1; g <= 500; g++) {
                int gen = g;
                pool.run((from, to, worker) -> {
                    for (int i = from; i < to; i++) {
                        if (seen[i] != gen - 1) {
                            throw new AssertionError("env " + i + " saw dispatch " + seen[i] + " in dispatch " + gen);
                        }
                        seen[i] = gen;
                    }
                }, total);
                for (int i = 0; i < total; i++) {
                    assertEquals(g, seen[i], "entry " + i + " after dispatch " + g);
                }
            }
        }
    }

    @Test
    void aFailureInTheCallersOwnChunkWaitsForTheWorkersAndLeavesThePoolUsable() {
        AtomicInteger workersDone = new AtomicInteger();
        int total = 30;
        try (ChunkPool pool = new ChunkPool(3, "test-pool")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.run((from, to, worker) -> {
                if (worker == 0) {
                    throw new IllegalArgumentException("chunk 0 failed");
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                workersDone.incrementAndGet();
            }, total));
            assertEquals("chunk 0 failed", e.getMessage());
            assertEquals(2, workersDone.get(), "run returned while its workers were still in their chunks");
            // The next dispatch runs whole: none of the failed one's workers count as its own.
            int[] filled = new int[total];
            pool.run((from, to, worker) -> {
                for (int i = from; i < to; i++) {
                    filled[i]++;
                }
            }, total);
            for (int i = 0; i < total; i++) {
                assertEquals(1, filled[i], "entry " + i);
            }
        }
    }

    @Test
    void aWorkersFailureReachesTheCaller() {
        try (ChunkPool pool = new ChunkPool(2, "test-pool")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run((from, to, worker) -> {
                if (worker == 1) {
                    throw new ArithmeticException("bad env");
                }
            }, 10));
            assertTrue(e.getMessage().contains("bad env"), e.getMessage());
            int[] sum = new int[1];
            pool.run((from, to, worker) -> {
                if (worker == 0) {
                    sum[0] = to - from;
                }
            }, 10);
            assertEquals(5, sum[0]);
        }
    }
}
