package org.mtboard.platform.board;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Rendered boards in memory, so that reading a board costs no database work. A poller reads one
 * stamp every half second: the boards' versions (they move when a board is re-ranked, in any
 * process) and the audit log's head (it moves on every status change, e.g. a reproduction ending
 * or an entry hidden). Bytes rendered under an older stamp are never served, so a board is at
 * most half a second behind the database.
 */
@ApplicationScoped
public class BoardCache {
    private static final Logger LOG = Logger.getLogger(BoardCache.class);
    private final Leaderboards boards;
    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mtboard-board-stamp");
        t.setDaemon(true);
        return t;
    });
    private volatile String stamp = "";

    private record Rendered(String stamp, byte[] bytes) {
    }

    public BoardCache(Leaderboards boards) {
        this.boards = boards;
    }

    void start(@Observes StartupEvent event) {
        poller.scheduleWithFixedDelay(this::poll, 0, 500, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }

    public byte[] get(String benchmark, int version, String tier, String sort, String order, boolean csv, int limit, int offset) {
        String key = benchmark + "|" + version + "|" + tier + "|" + sort + "|" + order + "|" + csv + "|" + limit + "|" + offset;
        String current = stamp;
        Rendered hit = cache.get(key);
        if (hit != null && hit.stamp().equals(current) && !current.isEmpty()) {
            return hit.bytes();
        }
        byte[] bytes = boards.render(benchmark, version, tier, sort, order, csv, limit, offset);
        cache.put(key, new Rendered(current, bytes));
        return bytes;
    }

    private void poll() {
        try {
            String now = boards.stamp();
            if (!now.equals(stamp)) {
                stamp = now;
                cache.clear();
            }
        } catch (RuntimeException e) {
            // The database is away for a moment: serve nothing stale, render on the next request.
            stamp = "";
            LOG.debug("board stamp unavailable", e);
        }
    }

}
