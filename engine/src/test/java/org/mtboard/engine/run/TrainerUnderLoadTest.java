package org.mtboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtboard.engine.recipe.Submission;

/**
 * Issue 21 item 5, in one JVM: the same short training run several times at once (as a service
 * with several workers does), each on more simulation threads than the machine has cores, gives
 * every epoch the parameters of a run made alone. The CLI's side-by-side check across processes
 * is ci/stress-determinism.sh.
 */
class TrainerUnderLoadTest {
    private static final int COPIES = 3;
    private static final int EPOCHS = 3;
    private static final int THREADS = 4;

    @TempDir
    Path dir;

    private static List<String> digests(Submission s, int seed, Path out, int threads) throws Exception {
        TrainingConfig c = new TrainingConfig(s, TrainerTest.BENCHMARK, TrainerTest.TIER, seed, threads, out, 0, false, EPOCHS);
        List<String> digests = new ArrayList<>();
        try (Trainer trainer = new Trainer(c)) {
            trainer.train((record, total) -> digests.add(record.paramsSha()));
        }
        return digests;
    }

    @Test
    void concurrentRunsOnOversubscribedThreadsMatchARunMadeAloneEveryEpoch() throws Exception {
        Submission s = TrainerTest.ppo(true);
        List<String> alone = digests(s, 7, dir.resolve("alone"), 1);
        List<List<String>> side = new ArrayList<>();
        Throwable[] failures = new Throwable[COPIES];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < COPIES; k++) {
            int copy = k;
            side.add(null);
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    side.set(copy, digests(s, 7, dir.resolve("copy-" + copy), THREADS));
                } catch (Throwable e) {
                    failures[copy] = e;
                }
            }, "under-load-" + k);
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        for (int k = 0; k < COPIES; k++) {
            if (failures[k] != null) {
                throw new AssertionError("copy " + k + " failed while the others trained", failures[k]);
            }
            assertEquals(alone, side.get(k), "copy " + k + ": parameter digest per epoch");
        }
    }
}
