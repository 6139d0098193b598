import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load at a fixed rate: request k is due at start + k/rate and its latency counts from
 * that due time, so a slow server cannot hide queueing (no coordinated omission). Usage:
 * java ci/bench/BoardLatency.java URL RATE SECONDS [WARMUP_SECONDS]. The warm-up (default 10 s, same rate) lets both JVMs
 * compile the hot path first; its requests are sent but not counted.
 */
public class BoardLatency {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(32)).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger bytes = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        int counted = rate * seconds;
        int skipped = rate * warmup;
        int total = counted + skipped;
        long start = System.nanoTime() + 200_000_000L;
        List<java.util.concurrent.CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < total; k++) {
            long due = start + (long) (k * 1e9 / rate);
            boolean count = k >= skipped;
            // Keep only a Void future per request: holding the responses would keep every body in memory.
            timer.schedule(() -> pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((r, t) -> {
                if (!count) {
                    return null;
                }
                if (t != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    bytes.set(r.body().length);
                    latencies.add(System.nanoTime() - due);
                }
                return null;
            })), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        timer.shutdown();
        timer.awaitTermination(warmup + seconds + 5, TimeUnit.SECONDS);
        synchronized (pending) {
            for (var f : pending) {
                try {
                    f.get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // counted as an error above
                }
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        double max = sorted.get(sorted.size() - 1) / 1e6;
        System.out.printf(Locale.ROOT, "requests %d at %d/s for %d s after %d s of warm-up: ok %d, errors %d, body %d bytes; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                counted, rate, seconds, warmup, sorted.size(), errors.get(), bytes.get(), p50, p99, max);
        System.exit(0);
    }
}
